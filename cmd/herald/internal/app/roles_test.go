package app_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
)

// TestWorkersShareTheWorkAndAStoppedOneLosesNothing runs one API process
// and two worker processes on one database, sends while one worker is
// stopped with a short deadline mid-load, and finds every delivery sent
// (by the worker left), each at least once, and work done by both.
func TestWorkersShareTheWorkAndAStoppedOneLosesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := testConfig(t, map[string]string{"HERALD_PROVIDER_TIMEOUT": "2s"})
	start := func(role string) *app.App {
		c := cfg
		c.Role = role
		a, err := app.New(ctx, c, &app.Options{
			Logger: slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn})),
			Queues: &jobs.QueueOptions{FetchCooldown: time.Millisecond, FetchPollInterval: 50 * time.Millisecond},
		})
		require.NoError(t, err)
		require.NoError(t, a.Start(ctx))
		return a
	}
	api, stopped, kept := start(app.RoleAPI), start(app.RoleWorker), start(app.RoleWorker)
	t.Cleanup(func() {
		for _, a := range []*app.App{api, kept} {
			shutdownCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
			require.NoError(t, a.Shutdown(shutdownCtx))
			cancel()
		}
	})
	b := bundleFor(t, api)

	// A slow receiver, so that deliveries are in flight when the worker stops.
	var (
		mu   sync.Mutex
		seen = map[string]int{}
	)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		seen[r.Header.Get("Idempotency-Key")]++
		mu.Unlock()
	}))
	t.Cleanup(recv.Close)
	received := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(seen)
	}

	b.webhookType(t, "order.shipped")
	const n = 300
	for i := range n {
		b.recipient(t, fmt.Sprintf("u%d", i), recv.URL)
	}
	ids := make([]string, n)
	for i := range n {
		ids[i] = b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{fmt.Sprintf("u%d", i)},
			Data: data(t, map[string]any{"order": i})}).GetNotificationId()
		if i == n/3 {
			require.Eventually(t, func() bool { return received() > 20 }, 15*time.Second, 5*time.Millisecond)
			stopCtx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			_ = stopped.Shutdown(stopCtx) // may hand jobs back: that is the point
			cancel()
		}
	}

	var sent int
	for _, id := range ids {
		for _, d := range b.waitCompletedWithin(t, id, 60*time.Second).GetDeliveries() {
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), "delivery %s", d.GetId())
			mu.Lock()
			times := seen[d.GetId()]
			mu.Unlock()
			require.GreaterOrEqual(t, times, 1, "the receiver saw delivery %s", d.GetId())
			sent++
		}
	}
	require.Equal(t, n, sent, "nothing lost")
	duplicates := 0
	mu.Lock()
	for _, times := range seen {
		duplicates += times - 1
	}
	mu.Unlock()
	t.Logf("%d deliveries sent, %d seen twice (in flight when the worker stopped)", sent, duplicates)

	var workers int
	require.NoError(t, api.Store().Pool().QueryRow(ctx,
		`SELECT count(DISTINCT w) FROM river_job, unnest(attempted_by) AS w WHERE kind LIKE 'herald.%'`).Scan(&workers))
	require.Equal(t, 2, workers, "both worker processes worked jobs")
}
