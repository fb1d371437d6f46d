package pipeline_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

var pushPromo = store.MessageType{Key: "promo", MessageTypeSpec: store.MessageTypeSpec{
	Category: "marketing", Channels: []store.Channel{store.ChannelPush},
	RateLimit: &store.RateLimit{Count: 3, Per: 24 * time.Hour, ByCategory: true},
}}

func TestRateLimitSuppressesTheFourth(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	now := time.Now()
	for i := range 4 {
		got := b.run(t, now.Add(time.Duration(i)*time.Minute), pushPromo, store.Notification{}, []string{"u1"}, pipeline.RateLimit{})
		m := got["u1/push"]
		if i < 3 {
			require.True(t, m.Active(), "send %d", i+1)
			continue
		}
		require.Equal(t, store.DeliverySuppressed, m.Status)
		require.Equal(t, "rate_limited", m.Reason)
		require.Equal(t, map[string]any{"limit": 3, "per": "24h0m0s", "scope": "category:marketing", "channel": "push", "inWindow": 3}, m.Events[0].Details)
	}
	// Another message type of the category shares the budget; a day later
	// there is room again.
	other := pushPromo
	other.Key = "promo.flash"
	require.Equal(t, "rate_limited", b.run(t, now.Add(time.Hour), other, store.Notification{}, []string{"u1"}, pipeline.RateLimit{})["u1/push"].Reason)
	require.True(t, b.run(t, now.Add(25*time.Hour), pushPromo, store.Notification{}, []string{"u1"}, pipeline.RateLimit{})["u1/push"].Active())
}

func TestRateLimitDelaysWhenAsked(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	mt := pushPromo
	mt.RateLimit = &store.RateLimit{Count: 2, Per: time.Hour, Delay: true}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	var at []time.Time
	for i := range 5 {
		m := b.run(t, now.Add(time.Duration(i)*time.Minute), mt, store.Notification{}, []string{"u1"}, pipeline.RateLimit{})["u1/push"]
		require.True(t, m.Active())
		at = append(at, pipelineDue(m, now.Add(time.Duration(i)*time.Minute)))
	}
	// Two per hour: 12:00, 12:01, then 13:00, 13:01, then 14:00.
	want := []time.Time{now, now.Add(time.Minute), now.Add(time.Hour), now.Add(time.Hour + time.Minute), now.Add(2 * time.Hour)}
	for i := range want {
		require.True(t, want[i].Equal(at[i]), "send %d at %s, want %s", i+1, at[i], want[i])
	}
}

func pipelineDue(m *pipeline.Message, now time.Time) time.Time {
	if m.ScheduledAt != nil {
		return *m.ScheduledAt
	}
	return now
}

// TestRateLimitHoldsUnderConcurrentWorkers runs 20 fan-outs for one
// recipient at once, each in its own transaction, as 20 workers would.
func TestRateLimitHoldsUnderConcurrentWorkers(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	const workers = 20
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		allowed int
	)
	start := make(chan struct{})
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			got := b.run(t, time.Now(), pushPromo, store.Notification{}, []string{"u1", "u2"}, pipeline.RateLimit{})
			mu.Lock()
			defer mu.Unlock()
			if got["u1/push"].Active() {
				allowed++
			}
		}()
	}
	close(start)
	wg.Wait()
	require.Equal(t, 3, allowed)
}

func TestDedupeHoldsUnderConcurrentWorkers(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	mt := pushPromo
	mt.RateLimit = nil
	mt.DedupeWindow = time.Hour
	const workers = 20
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		active int
		holder string
	)
	start := make(chan struct{})
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			m := b.run(t, time.Now(), mt, store.Notification{DedupeKey: "order-42-shipped"}, []string{"u1"}, pipeline.Dedupe{})["u1/push"]
			mu.Lock()
			defer mu.Unlock()
			if m.Active() {
				active++
				holder = m.ID.String()
				return
			}
			require.Equal(t, "deduplicated", m.Reason)
		}()
	}
	close(start)
	wg.Wait()
	require.Equal(t, 1, active)

	// The loser's log names the delivery that holds the key; another key or
	// another recipient is not affected.
	m := b.run(t, time.Now(), mt, store.Notification{DedupeKey: "order-42-shipped"}, []string{"u1", "u2"}, pipeline.Dedupe{})
	require.Equal(t, holder, m["u1/push"].Events[0].Details["deliveryId"])
	require.True(t, m["u2/push"].Active())
	require.True(t, b.run(t, time.Now(), mt, store.Notification{DedupeKey: "order-43-shipped"}, []string{"u1"}, pipeline.Dedupe{})["u1/push"].Active())
	// After the window, the key is free again.
	require.True(t, b.run(t, time.Now().Add(2*time.Hour), mt, store.Notification{DedupeKey: "order-42-shipped"}, []string{"u1"}, pipeline.Dedupe{})["u1/push"].Active())
}
