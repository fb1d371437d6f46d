package jobs_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/jobs"
)

func TestRetryPolicyBackoff(t *testing.T) {
	t.Parallel()
	p := &jobs.RetryPolicy{Base: 100 * time.Millisecond, Max: time.Second}
	for range 200 {
		for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 10: time.Second} {
			d := p.Backoff(attempt)
			require.GreaterOrEqual(t, d, want/2, "attempt %d", attempt)
			require.LessOrEqual(t, d, want, "attempt %d", attempt)
		}
	}
	seen := map[time.Duration]bool{}
	for range 50 {
		seen[p.Backoff(3)] = true
	}
	require.Greater(t, len(seen), 10, "jittered")
}
