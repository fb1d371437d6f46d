package flags_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/flags"
)

func newFlags(t *testing.T, file string, logger *slog.Logger) *flags.Flags {
	t.Helper()
	f, err := flags.New(context.Background(), &flags.Options{File: file, Logger: logger})
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close(context.Background()) })
	return f
}

func writeFlags(t *testing.T, path, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
}

func TestDefaultsWithoutASource(t *testing.T) {
	t.Parallel()
	f := newFlags(t, "", nil)
	ctx := context.Background()
	target := flags.Target{RecipientID: "u1", MessageType: "m"}
	require.Equal(t, "defaults", f.Source())
	require.False(t, f.Bool(ctx, flags.DarkLaunch, false, target).Value)
	require.True(t, f.Bool(ctx, flags.Rollout, true, target).Value)
	require.Empty(t, f.String(ctx, flags.TemplateVariant, "", target).Value)
}

func TestSampleFileDefaultsAreSafe(t *testing.T) {
	t.Parallel()
	f := newFlags(t, "herald.flagd.json", nil)
	ctx := context.Background()
	target := flags.Target{RecipientID: "u1", Tenant: "acme", MessageType: "order.shipped", Version: 3, Category: "transactional", Channel: "email", Provider: "smtp", Priority: "normal"}
	for _, c := range []struct {
		flag string
		want any
	}{{flags.DarkLaunch, false}, {flags.Rollout, true}, {flags.KillSwitch, false}} {
		r := f.Bool(ctx, c.flag, !c.want.(bool), target)
		require.Equal(t, c.want, r.Value, c.flag)
		require.NotEqual(t, "ERROR", r.Reason, c.flag)
	}
	require.Empty(t, f.String(ctx, flags.ProviderSplit, "x", target).Value)
	require.Empty(t, f.String(ctx, flags.TemplateVariant, "x", target).Value)

	dark := target
	dark.MessageType = "example.dark-launched"
	require.True(t, f.Bool(ctx, flags.DarkLaunch, false, dark).Value)
}

// TestRolloutPercentageIsAccurateAndStable: 10% of 10,000 recipients, within
// ±2 points, and the same recipients every time.
func TestRolloutPercentageIsAccurateAndStable(t *testing.T) {
	t.Parallel()
	f := newFlags(t, "herald.flagd.json", nil)
	ctx := context.Background()
	in := map[string]bool{}
	for i := range 10_000 {
		id := fmt.Sprintf("user-%d", i)
		if f.Bool(ctx, flags.Rollout, true, flags.Target{RecipientID: id, MessageType: "example.new-feature"}).Value {
			in[id] = true
		}
	}
	share := float64(len(in)) / 10_000 * 100
	require.InDelta(t, 10, share, 2, "%.2f%% in the rollout", share)
	for id := range in {
		require.True(t, f.Bool(ctx, flags.Rollout, true, flags.Target{RecipientID: id, MessageType: "example.new-feature"}).Value)
	}

	// The version rollout keeps the others on the previous version.
	r := f.Bool(ctx, flags.Rollout, true, flags.Target{RecipientID: "user-1", MessageType: "example.redesign", Version: 2})
	if !r.Value {
		require.Equal(t, flags.VariantPrevious, r.Variant)
	}
}

func TestEditsApplyWithoutRestart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "flags.json")
	writeFlags(t, path, `{"flags":{"dark-launch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off"}}}`)
	f := newFlags(t, path, nil)
	ctx := context.Background()
	target := flags.Target{RecipientID: "u1"}
	require.False(t, f.Bool(ctx, flags.DarkLaunch, false, target).Value)

	writeFlags(t, path, `{"flags":{"dark-launch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"on"}}}`)
	require.Eventually(t, func() bool { return f.Bool(ctx, flags.DarkLaunch, false, target).Value }, 10*time.Second, 20*time.Millisecond)
}

// syncBuffer is a log sink safe for the provider's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestBrokenFlagFallsBackAndLogsOnce(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "flags.json")
	// dark-launch answers a string: a type mismatch for a boolean flag.
	writeFlags(t, path, `{"flags":{"dark-launch":{"state":"ENABLED","variants":{"on":"yes"},"defaultVariant":"on"}}}`)
	var logs syncBuffer
	f := newFlags(t, path, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo})))
	ctx := context.Background()
	for i := range 100 {
		r := f.Bool(ctx, flags.DarkLaunch, false, flags.Target{RecipientID: fmt.Sprint(i)})
		require.False(t, r.Value, "the safe default")
	}
	require.Equal(t, 1, strings.Count(logs.String(), "feature flag evaluation failed"), logs.String())
	// A flag that is simply absent is not a failure.
	f.Bool(ctx, flags.KillSwitch, false, flags.Target{RecipientID: "x"})
	require.Equal(t, 1, strings.Count(logs.String(), "feature flag evaluation failed"))
}
