package store_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// TestPruneNotificationsDeletesOnlyOldFinishedOnes prunes in batches
// smaller than the data: old notifications that are done go with their
// deliveries, events and inbox items; an old one with a delivery still
// pending and a recent one stay.
func TestPruneNotificationsDeletesOnlyOldFinishedOnes(t *testing.T) {
	t.Parallel()
	b := setup(t)

	notification := func(age time.Duration, status store.DeliveryStatus, recipients int) uuid.UUID {
		n := newNotification(b.tenant.ID, "")
		_, err := b.st.InsertNotification(b.ctx, n)
		require.NoError(t, err)
		var dels []*store.Delivery
		var events []store.Event
		for i := range recipients {
			d := &store.Delivery{
				ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: n.ID, RecipientID: string(rune('a' + i)),
				Channel: store.ChannelInApp, Status: status, MessageType: "welcome", MessageTypeVersion: 1,
				Priority: store.PriorityNormal, Content: &store.Content{Body: "hi"}, DueAt: time.Now(),
			}
			dels = append(dels, d)
			events = append(events, store.Event{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: d.ID, Type: store.EventQueued, Status: store.DeliveryQueued},
				store.Event{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: d.ID, Type: store.EventSent, Status: status})
		}
		_, err = b.st.InsertDeliveries(b.ctx, dels)
		require.NoError(t, err)
		require.NoError(t, b.st.InsertEvents(b.ctx, events))
		var items []*store.InboxItem
		for _, d := range dels {
			items = append(items, &store.InboxItem{ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, RecipientID: d.RecipientID,
				DeliveryID: d.ID, NotificationID: n.ID, MessageType: "welcome", Title: "t"})
		}
		require.NoError(t, b.st.InsertInboxItems(b.ctx, items))
		require.NoError(t, b.st.FinishFanout(b.ctx, n.ID, recipients, ""))
		_, err = b.st.Pool().Exec(b.ctx, `UPDATE notifications SET created_at = now() - $2::interval WHERE id = $1`, n.ID, age.String())
		require.NoError(t, err)
		return n.ID
	}
	oldDone := []uuid.UUID{notification(48*time.Hour, store.DeliverySent, 3), notification(30*time.Hour, store.DeliverySuppressed, 5), notification(25*time.Hour, store.DeliveryFailed, 1)}
	oldPending := notification(48*time.Hour, store.DeliveryScheduled, 2)
	recent := notification(time.Hour, store.DeliverySent, 2)

	var total store.Pruned
	for {
		p, more, err := b.st.PruneNotifications(b.ctx, 24*time.Hour, 2)
		require.NoError(t, err)
		total.Add(p)
		if !more {
			break
		}
	}
	require.Equal(t, store.Pruned{Notifications: 3, Deliveries: 9, Events: 18}, total)
	for _, id := range oldDone {
		_, err := b.st.GetNotification(b.ctx, b.tenant.ID, id)
		require.ErrorIs(t, err, store.ErrNotFound)
	}
	for _, id := range []uuid.UUID{oldPending, recent} {
		_, err := b.st.GetNotification(b.ctx, b.tenant.ID, id)
		require.NoError(t, err, "kept")
		events, err := b.st.ListNotificationEvents(b.ctx, id)
		require.NoError(t, err)
		require.Len(t, events, 4)
	}
	var inbox int
	require.NoError(t, b.st.Pool().QueryRow(b.ctx, `SELECT count(*) FROM inbox_items`).Scan(&inbox))
	require.Equal(t, 4, inbox, "inbox items went with their deliveries")
}
