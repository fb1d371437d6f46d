package jobs

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/metric/noop"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/slack"
	"github.com/heraldhq/herald/store"
)

func TestPick(t *testing.T) {
	t.Parallel()
	w := newWorker(&Options{FailoverAfter: 2, MeterProvider: noop.NewMeterProvider(), Logger: slog.New(slog.DiscardHandler),
		Breaker: &BreakerOptions{Failures: 1, Cooldown: time.Hour}})
	chain := []providers.Provider{slack.New(&slack.Options{Name: "a"}), slack.New(&slack.Options{Name: "b"}), slack.New(&slack.Options{Name: "c"})}
	name := func(p providers.Provider) string {
		if p == nil {
			return ""
		}
		return p.Name()
	}
	pick := func(f map[string]store.ProviderFailures) (string, map[string]string, time.Duration) {
		p, skipped, wait := w.pick(chain, f)
		return name(p), skipped, wait
	}

	got, skipped, _ := pick(nil)
	require.Equal(t, "a", got, "the primary first")
	require.Empty(t, skipped)

	got, _, _ = pick(map[string]store.ProviderFailures{"a": {Transient: 1}})
	require.Equal(t, "a", got, "one failure is within a's share")

	got, skipped, _ = pick(map[string]store.ProviderFailures{"a": {Transient: 2}})
	require.Equal(t, "b", got)
	require.Equal(t, map[string]string{"a": skipBudgetUsed}, skipped)

	got, _, _ = pick(map[string]store.ProviderFailures{"a": {Transient: 2}, "b": {Transient: 2}, "c": {Transient: 7}})
	require.Equal(t, "c", got, "the last provider takes the remaining attempts")

	got, skipped, _ = pick(map[string]store.ProviderFailures{"a": {Transient: 3}, "b": {Transient: 2}, "c": {Fault: true}})
	require.Equal(t, "b", got, "with the last one refusing us, the least failed exhausted one")
	require.Equal(t, map[string]string{"a": skipBudgetUsed, "c": skipRefused}, skipped)

	got, _, wait := pick(map[string]store.ProviderFailures{"a": {Fault: true}, "b": {Fault: true}, "c": {Fault: true}})
	require.Empty(t, got)
	require.Zero(t, wait, "every provider refused: nothing to wait for")

	// Open a's circuit with one transient failure: it is skipped.
	_, err := w.breakers.call("a", func() (*providers.Result, error) {
		return nil, &providers.Error{Class: providers.Transient, Err: errors.New("503")}
	})
	require.Error(t, err)
	got, skipped, _ = pick(nil)
	require.Equal(t, "b", got)
	require.Equal(t, map[string]string{"a": skipCircuitOpen}, skipped)
	_, err = w.breakers.call("a", func() (*providers.Result, error) { return &providers.Result{}, nil })
	require.True(t, errCircuitOpen(err), "an open circuit refuses calls")

	// A permanent answer (the provider is up) or throttling does not trip.
	for _, e := range []error{&providers.Error{Class: providers.Permanent, Err: errors.New("400")},
		&providers.Error{Class: providers.Throttled, Err: errors.New("429")}, context.Canceled} {
		_, _ = w.breakers.call("b", func() (*providers.Result, error) { return nil, e })
	}
	open, _ := w.breakers.open("b")
	require.False(t, open)

	// Every circuit open: wait for the first to half-open.
	for _, n := range []string{"b", "c"} {
		_, _ = w.breakers.call(n, func() (*providers.Result, error) {
			return nil, &providers.Error{Class: providers.Permanent, ProviderFault: true, Err: errors.New("401")}
		})
	}
	got, _, wait = pick(nil)
	require.Empty(t, got)
	require.InDelta(t, time.Hour.Seconds(), wait.Seconds(), 5)
}
