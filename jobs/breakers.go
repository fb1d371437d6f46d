package jobs

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sony/gobreaker/v2"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/providers"
)

// BreakerOptions configure the circuit breaker each process keeps per
// provider. The zero value gives the defaults.
type BreakerOptions struct {
	// Failures is how many transient failures in a row open a provider's
	// circuit. Default 5.
	Failures int
	// Cooldown is how long an open circuit refuses calls before one probe
	// is let through. Default 30s.
	Cooldown time.Duration
}

// breakers holds one circuit breaker per provider. A provider whose
// circuit is open is skipped (the next provider of the channel is tried)
// until its cooldown ends, so a provider that is down is not hammered.
type breakers struct {
	opts    BreakerOptions
	logger  *slog.Logger
	metrics *instruments

	mu sync.Mutex
	m  map[string]*breaker
}

type breaker struct {
	cb       *gobreaker.CircuitBreaker[*providers.Result]
	openedAt atomic.Int64 // unix nanoseconds of the last opening
}

func newBreakers(opts *BreakerOptions, logger *slog.Logger, metrics *instruments) *breakers {
	o := BreakerOptions{}
	if opts != nil {
		o = *opts
	}
	if o.Failures <= 0 {
		o.Failures = 5
	}
	if o.Cooldown <= 0 {
		o.Cooldown = 30 * time.Second
	}
	return &breakers{opts: o, logger: logger, metrics: metrics, m: make(map[string]*breaker)}
}

func (bs *breakers) get(name string) *breaker {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if b, ok := bs.m[name]; ok {
		return b
	}
	b := &breaker{}
	b.cb = gobreaker.NewCircuitBreaker[*providers.Result](gobreaker.Settings{
		Name:        name,
		MaxRequests: 1,
		Timeout:     bs.opts.Cooldown,
		ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= uint32(bs.opts.Failures) },
		// A provider that answers, even "no", is up; one that times out,
		// fails with 5xx or refuses our credentials is not.
		IsSuccessful: func(err error) bool {
			if err == nil {
				return true
			}
			pe := providers.Classify(err)
			return pe.Class == providers.Permanent && !pe.ProviderFault
		},
		// Throttling says the provider is up but busy, and our own
		// cancellation says nothing about it.
		IsExcluded: func(err error) bool {
			return errors.Is(err, context.Canceled) || providers.Classify(err).Class == providers.Throttled
		},
		OnStateChange: func(name string, from, to gobreaker.State) {
			if to == gobreaker.StateOpen {
				b.openedAt.Store(time.Now().UnixNano())
			}
			bs.logger.Warn("provider circuit "+to.String(), "provider", name, "from", from.String())
			bs.metrics.circuit.Add(context.Background(), 1, metric.WithAttributes(
				attribute.String("provider", name), attribute.String("state", to.String())))
		},
	})
	bs.m[name] = b
	return b
}

// open reports whether the provider's circuit refuses calls, and for how
// much longer.
func (bs *breakers) open(name string) (bool, time.Duration) {
	b := bs.get(name)
	if b.cb.State() != gobreaker.StateOpen {
		return false, 0
	}
	left := bs.opts.Cooldown - time.Since(time.Unix(0, b.openedAt.Load()))
	return true, max(left, time.Millisecond)
}

// call runs send through the provider's breaker.
func (bs *breakers) call(name string, send func() (*providers.Result, error)) (*providers.Result, error) {
	return bs.get(name).cb.Execute(send)
}

// errCircuitOpen reports a call the breaker refused.
func errCircuitOpen(err error) bool {
	return errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests)
}
