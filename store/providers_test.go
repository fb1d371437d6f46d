package store_test

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// deliveries inserts n deliveries of one notification on channel c.
func (b *testBundle) deliveries(t testing.TB, n int, c store.Channel) []uuid.UUID {
	t.Helper()
	note := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, note)
	require.NoError(t, err)
	var ds []*store.Delivery
	for i := range n {
		ds = append(ds, &store.Delivery{
			ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: note.ID, RecipientID: string(rune('a' + i)),
			Channel: c, Status: store.DeliveryQueued, MessageType: "welcome", MessageTypeVersion: 1,
			Priority: store.PriorityNormal, DueAt: time.Now(),
		})
	}
	_, err = b.st.InsertDeliveries(b.ctx, ds)
	require.NoError(t, err)
	ids := make([]uuid.UUID, n)
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

func TestTakeSendSlot(t *testing.T) {
	t.Parallel()
	b := setup(t)
	const interval = 100 * time.Millisecond
	ids := b.deliveries(t, 10, store.ChannelSMS)

	// Ten workers at once: each gets its own slot, never closer than an
	// interval to another (later if the clock moved on meanwhile).
	slots := make([]store.SendSlot, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			s, err := b.st.TakeSendSlot(b.ctx, "twilio", id, interval)
			require.NoError(t, err)
			slots[i] = s
		})
	}
	wg.Wait()
	order := make([]int, len(slots))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return slots[order[i]].At.Before(slots[order[j]].At) })
	require.LessOrEqual(t, slots[order[0]].Wait, time.Duration(0), "the first sends at once")
	for i := 1; i < len(order); i++ {
		gap := slots[order[i]].At.Sub(slots[order[i-1]].At)
		require.GreaterOrEqual(t, gap, interval, "slots are at least an interval apart")
	}

	// A delivery that waits holds its slot: asking again returns it, not a
	// new one at the back of the queue.
	last := order[len(order)-1]
	again, err := b.st.TakeSendSlot(b.ctx, "twilio", ids[last], interval)
	require.NoError(t, err)
	require.True(t, slots[last].At.Equal(again.At), "the held slot")

	// Another provider has its own queue.
	w, err := b.st.TakeSendSlot(b.ctx, "sendgrid", ids[0], interval)
	require.NoError(t, err)
	require.LessOrEqual(t, w.Wait, time.Duration(0))
}

func TestRemovePushToken(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.st.UpsertRecipient(b.ctx, &store.Recipient{TenantID: b.tenant.ID, ID: "u1", PushTokens: []store.PushToken{
		{Token: "t1", Platform: "fcm"}, {Token: "t2", Platform: "apns", DeviceID: "phone"}, {Token: "t3", Platform: "fcm"},
	}})
	require.NoError(t, err)

	removed, err := b.st.RemovePushToken(b.ctx, b.tenant.ID, "u1", "t2")
	require.NoError(t, err)
	require.True(t, removed)
	r, err := b.st.GetRecipient(b.ctx, b.tenant.ID, "u1")
	require.NoError(t, err)
	require.Equal(t, []store.PushToken{{Token: "t1", Platform: "fcm"}, {Token: "t3", Platform: "fcm"}}, r.PushTokens, "order kept")

	removed, err = b.st.RemovePushToken(b.ctx, b.tenant.ID, "u1", "t2")
	require.NoError(t, err)
	require.False(t, removed, "already gone")
}

func TestFailuresByProvider(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.deliveries(t, 1, store.ChannelEmail)[0]
	d, err := b.st.GetDelivery(b.ctx, id)
	require.NoError(t, err)
	ev := func(provider, reason string, details map[string]any) store.Event {
		return store.Event{TenantID: d.TenantID, NotificationID: d.NotificationID, DeliveryID: id, Type: store.EventAttempt,
			Status: store.DeliverySending, Reason: reason, Provider: provider, Details: details}
	}
	require.NoError(t, b.st.InsertEvents(b.ctx, []store.Event{ev("sendgrid", "transient", nil), ev("sendgrid", "throttled", nil),
		ev("sendgrid", "transient", nil), ev("smtp", "transient", nil), ev("ses", "permanent", map[string]any{"providerFault": true})}))
	got, err := b.st.FailuresByProvider(b.ctx, id)
	require.NoError(t, err)
	require.Equal(t, map[string]store.ProviderFailures{"sendgrid": {Transient: 2}, "smtp": {Transient: 1}, "ses": {Fault: true}}, got)
}

// BenchmarkTakeSendSlot measures the shared rate limiter: one statement per
// send, all callers contending for the same provider row.
func BenchmarkTakeSendSlot(b *testing.B) {
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(b))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(b, err)
	tb := &testBundle{ctx: ctx, st: st, tenant: tenant}
	ids := tb.deliveries(b, 64, store.ChannelSMS)
	b.ReportAllocs()
	b.SetParallelism(4)
	var i atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := ids[int(i.Add(1))%len(ids)]
			// A 1ns interval: slots are always free, so every call takes one.
			if _, err := st.TakeSendSlot(ctx, "twilio", id, time.Nanosecond); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
