package bench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/bench"
	"github.com/heraldhq/herald/store/storetest"
)

// TestSmoke runs every scenario at a tiny size, with Herald inside the test
// process: the harness works end to end. It asserts what was measured is
// complete and consistent, never how fast (that is the bench's job).
func TestSmoke(t *testing.T) {
	t.Parallel()
	report, err := bench.Run(context.Background(), bench.Config{
		DatabaseURL: storetest.ServerURL(), N: 40, Concurrency: 4, Recipients: 120, Bulk: 200, Queued: 300,
		Scenarios: []string{bench.ScenarioSingle, bench.ScenarioFanout, bench.ScenarioTopic, bench.ScenarioLanes,
			bench.ScenarioIsolation, bench.ScenarioQueued},
	})
	require.NoError(t, err)

	require.Positive(t, report.Baselines.PGInsertTxPerSec)
	require.Len(t, report.Baselines.PGInsertTxRounds, 3, "rounds default to 3")
	require.Positive(t, report.Baselines.RiverInsertTxPerSec)
	require.Positive(t, report.Baselines.RiverInsertManyPerSec)

	s := report.Single
	require.Positive(t, s.AcceptOnlyPerSec)
	require.Len(t, s.AcceptOnlyRounds, 3)
	require.Contains(t, s.AcceptOnlyRounds, s.AcceptOnlyPerSec, "an odd count's median is one of the rounds")
	require.Zero(t, s.DeliveredWhilePaused, "paused lanes delivered")
	require.Positive(t, s.E2EPerSec)
	require.Zero(t, s.Repeats, "a delivery arrived twice")
	require.LessOrEqual(t, s.AcceptToDelivered.P50, s.AcceptToDelivered.P99)
	require.Contains(t, report.Ratios, "e2e_vs_river")
	require.Contains(t, report.Ratios, "accept_vs_pg")

	for _, f := range []*bench.FanoutResult{report.Fanout, report.Topic} {
		require.Equal(t, 120, f.Recipients)
		require.Positive(t, f.QueuedPerSec)
		require.Positive(t, f.DeliveredPerSec)
	}
	require.Positive(t, report.Lanes.CriticalSent)
	require.GreaterOrEqual(t, report.Lanes.BulkDelivered, 100)
	require.Positive(t, report.Isolation.Hanging, "the SMS lane never hung")
	require.Positive(t, report.Isolation.During.P50)
	require.Positive(t, report.Queued.Deliveries)
	require.LessOrEqual(t, report.Queued.Deliveries, 300)
	require.Positive(t, report.Queued.Process.PeakRSSMB)

	var out bytes.Buffer
	require.NoError(t, report.WriteTable(&out))
	require.Contains(t, out.String(), "e2e_vs_river")
	b, err := json.Marshal(report)
	require.NoError(t, err)
	require.Contains(t, string(b), `"accept_vs_pg"`)
}

func TestRunRejectsSizesBelowOne(t *testing.T) {
	t.Parallel()
	_, err := bench.Run(context.Background(), bench.Config{DatabaseURL: storetest.ServerURL(), Rounds: -1})
	require.ErrorContains(t, err, "rounds must be at least 1")
	_, err = bench.Run(context.Background(), bench.Config{DatabaseURL: storetest.ServerURL(), WorkerProcs: -2})
	require.ErrorContains(t, err, "worker-procs")
}
