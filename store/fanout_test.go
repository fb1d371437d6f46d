package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

func bulkDeliveries(tenantID, notificationID uuid.UUID, n int) []*store.Delivery {
	out := make([]*store.Delivery, n)
	for i := range out {
		out[i] = &store.Delivery{
			ID: uuid.Must(uuid.NewV7()), TenantID: tenantID, NotificationID: notificationID, RecipientID: fmt.Sprintf("u%03d", i),
			Channel: store.ChannelWebhook, Status: store.DeliveryQueued, MessageType: "welcome", MessageTypeVersion: 1,
			Priority: store.PriorityNormal, Address: "https://example.com/hook", Content: &store.Content{Body: fmt.Sprint("hi ", i)},
			DueAt: time.Now(),
		}
	}
	return out
}

func TestInsertDeliveriesInBulk(t *testing.T) {
	t.Parallel()
	b := setup(t)
	n := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)

	// Big enough for COPY.
	first := bulkDeliveries(b.tenant.ID, n.ID, 100)
	err = b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		ins, err := store.New(tx).InsertDeliveries(b.ctx, first)
		require.Len(t, ins, 100)
		return err
	})
	require.NoError(t, err)
	got, err := b.st.GetDelivery(b.ctx, first[42].ID)
	require.NoError(t, err)
	require.Equal(t, "u042", got.RecipientID)
	require.Equal(t, "hi 42", got.Content.Body)
	require.Nil(t, got.ScheduledAt)

	// A batch that overlaps the first (a retried chunk) still commits, with
	// only its new rows, in the same transaction as what came before it.
	again := bulkDeliveries(b.tenant.ID, n.ID, 150)
	err = b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		ins, err := q.InsertDeliveries(b.ctx, again)
		if err != nil {
			return err
		}
		require.Len(t, ins, 50)
		for _, d := range again[100:] {
			require.True(t, ins[d.ID])
		}
		return q.InsertEvents(b.ctx, []store.Event{{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: again[149].ID,
			Type: store.EventQueued, Status: store.DeliveryQueued}})
	})
	require.NoError(t, err)
	all, err := b.st.ListDeliveries(b.ctx, []uuid.UUID{n.ID})
	require.NoError(t, err)
	require.Len(t, all, 150)
}

func TestInsertEventsInBulkKeepOrder(t *testing.T) {
	t.Parallel()
	b := setup(t)
	n := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)
	ds := bulkDeliveries(b.tenant.ID, n.ID, 1)
	_, err = b.st.InsertDeliveries(b.ctx, ds)
	require.NoError(t, err)

	var events []store.Event
	for i := range 80 {
		events = append(events, store.Event{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: ds[0].ID,
			Type: store.EventAttempt, Status: store.DeliverySending, Attempt: i + 1, Latency: time.Duration(i) * time.Millisecond,
			Details: map[string]any{"i": float64(i)}})
	}
	require.NoError(t, b.st.InsertEvents(b.ctx, events))
	got, err := b.st.ListNotificationEvents(b.ctx, n.ID)
	require.NoError(t, err)
	require.Len(t, got, 80)
	for i, e := range got {
		require.Equal(t, i+1, e.Attempt)
		require.Equal(t, float64(i), e.Details["i"])
		require.Equal(t, time.Duration(i)*time.Millisecond, e.Latency)
	}
}

func TestFanoutChunksCountDownAndYieldToCancel(t *testing.T) {
	t.Parallel()
	b := setup(t)
	n := newNotification(b.tenant.ID, "")
	n.RecipientIDs = []string{"a", "b", "c"}
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)

	require.NoError(t, b.st.PlanFanout(b.ctx, n.ID, 2))
	ok, err := b.st.FinishFanoutChunk(b.ctx, n.ID, 2)
	require.NoError(t, err)
	require.True(t, ok)
	got, err := b.st.GetNotification(b.ctx, b.tenant.ID, n.ID)
	require.NoError(t, err)
	require.Equal(t, store.NotificationAccepted, got.Status, "one chunk still to go")
	require.Equal(t, 1, got.FanoutPending)
	ok, err = b.st.FinishFanoutChunk(b.ctx, n.ID, 1)
	require.NoError(t, err)
	require.True(t, ok)
	got, err = b.st.GetNotification(b.ctx, b.tenant.ID, n.ID)
	require.NoError(t, err)
	require.Equal(t, store.NotificationCompleted, got.Status, "all chunks written, no delivery pending")
	require.Equal(t, 3, got.FanoutCursor)

	canceled := newNotification(b.tenant.ID, "")
	_, err = b.st.InsertNotification(b.ctx, canceled)
	require.NoError(t, err)
	require.NoError(t, b.st.PlanFanout(b.ctx, canceled.ID, 2))
	require.NoError(t, b.st.MarkNotificationCanceled(b.ctx, b.tenant.ID, canceled.ID, "ops"))
	ok, err = b.st.FinishFanoutChunk(b.ctx, canceled.ID, 1)
	require.NoError(t, err)
	require.False(t, ok, "a chunk of a canceled notification is rolled back by its caller")
}
