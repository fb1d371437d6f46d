package store_test

import (
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// delivery inserts a delivery on channel in status for a new notification.
func (b *testBundle) delivery(t *testing.T, channel store.Channel, status store.DeliveryStatus, address string) *store.Delivery {
	t.Helper()
	n := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)
	d := &store.Delivery{
		ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: n.ID, RecipientID: "u1",
		Channel: channel, Status: status, MessageType: "welcome", MessageTypeVersion: 1,
		Priority: store.PriorityNormal, Address: address, Content: &store.Content{Subject: "Hi", Body: "hi"}, DueAt: time.Now(),
	}
	_, err = b.st.InsertDeliveries(b.ctx, []*store.Delivery{d})
	require.NoError(t, err)
	return d
}

func (b *testBundle) eventTypes(t *testing.T, d *store.Delivery) []string {
	t.Helper()
	evs, err := b.st.ListNotificationEvents(b.ctx, d.NotificationID)
	require.NoError(t, err)
	var out []string
	for _, e := range evs {
		out = append(out, e.Type)
	}
	return out
}

func TestReceiptPrecedence(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cur, next store.DeliveryStatus
		want      store.ReceiptOutcome
	}{
		{store.DeliverySending, store.DeliveryDelivered, store.ReceiptApplied},
		{store.DeliveryScheduled, store.DeliveryBounced, store.ReceiptApplied},
		{store.DeliverySent, store.DeliveryDelivered, store.ReceiptApplied},
		{store.DeliverySent, store.DeliveryBounced, store.ReceiptApplied},
		{store.DeliveryFailed, store.DeliveryDelivered, store.ReceiptApplied},
		{store.DeliveryDelivered, store.DeliveryBounced, store.ReceiptApplied},
		{store.DeliveryDelivered, store.DeliveryDelivered, store.ReceiptStale},
		{store.DeliveryBounced, store.DeliveryDelivered, store.ReceiptStale},
		{store.DeliveryBounced, store.DeliveryBounced, store.ReceiptStale},
		{store.DeliverySuppressed, store.DeliveryDelivered, store.ReceiptNotSent},
		{store.DeliveryDarkLaunched, store.DeliveryBounced, store.ReceiptNotSent},
		{store.DeliveryCanceled, store.DeliveryDelivered, store.ReceiptNotSent},
	} {
		require.Equal(t, c.want, store.ReceiptApplies(c.cur, c.next), "%s then %s", c.cur, c.next)
	}
}

// TestReceiptBeforeTheSendIsRecorded: a delivered receipt reaches Herald
// while the worker is still in the provider call; the worker's SENT that
// follows leaves DELIVERED in place, as does a retry it decides on.
func TestReceiptBeforeTheSendIsRecorded(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, later := range []store.DeliveryUpdate{
		{Status: store.DeliverySent, Provider: "sendgrid", Attempted: true},
		{Status: store.DeliverySending, Reason: "transient", Provider: "sendgrid", Attempted: true},
	} {
		d := b.delivery(t, store.ChannelEmail, store.DeliveryQueued, "ada@example.com")
		claimed, err := b.st.ClaimDelivery(b.ctx, d.ID, time.Minute)
		require.NoError(t, err)
		require.NotNil(t, claimed)

		outcome, before, err := b.st.ApplyReceipt(b.ctx, store.Receipt{DeliveryID: d.ID, Status: store.DeliveryDelivered,
			Provider: "sendgrid", ReceiptID: "evt-1"})
		require.NoError(t, err)
		require.Equal(t, store.ReceiptApplied, outcome)
		require.Equal(t, store.DeliverySending, before.Status)

		later.ID = d.ID
		sent := store.Event{TenantID: d.TenantID, NotificationID: d.NotificationID, DeliveryID: d.ID, Type: store.EventSent, Status: store.DeliverySent}
		require.NoError(t, b.st.UpdateDeliveryEvents(b.ctx, later, []store.Event{sent}))
		got, err := b.st.GetDelivery(b.ctx, d.ID)
		require.NoError(t, err)
		require.Equal(t, store.DeliveryDelivered, got.Status, "the receipt outranks the worker's %s", later.Status)
		require.Equal(t, 1, got.Attempts)
		require.Equal(t, []string{"delivered", "sent"}, b.eventTypes(t, d))

		// Claims pass the delivered delivery over: no second send.
		again, err := b.st.ClaimDelivery(b.ctx, d.ID, time.Minute)
		require.NoError(t, err)
		require.Nil(t, again)
	}

	// The batch path keeps it too.
	d := b.delivery(t, store.ChannelEmail, store.DeliverySending, "bob@example.com")
	_, _, err := b.st.ApplyReceipt(b.ctx, store.Receipt{DeliveryID: d.ID, Status: store.DeliveryBounced, Reason: store.ReasonBounced})
	require.NoError(t, err)
	require.NoError(t, b.st.UpdateDeliveriesEvents(b.ctx, []store.DeliveryUpdate{{ID: d.ID, Status: store.DeliverySent, Attempted: true}}, nil))
	got, err := b.st.GetDelivery(b.ctx, d.ID)
	require.NoError(t, err)
	require.Equal(t, store.DeliveryBounced, got.Status)
	require.Equal(t, store.ReasonBounced, got.Reason)
}

// TestReceiptsOutOfOrderAndTwice: whatever order and however often
// receipts come, the final state is the same: bounced beats delivered,
// a repeated report is recorded once.
func TestReceiptsOutOfOrderAndTwice(t *testing.T) {
	t.Parallel()
	b := setup(t)
	delivered := store.Receipt{Status: store.DeliveryDelivered, Provider: "sendgrid", ReceiptID: "d1"}
	bounced := store.Receipt{Status: store.DeliveryBounced, Reason: store.ReasonBounced, Provider: "sendgrid", ReceiptID: "b1", Message: "550 5.1.1 no such user"}
	for _, order := range [][]store.Receipt{
		{delivered, bounced},
		{bounced, delivered},
		{bounced, bounced, delivered, delivered},
		{delivered, delivered, bounced, bounced},
	} {
		d := b.delivery(t, store.ChannelEmail, store.DeliverySent, "ada@example.com")
		var outcomes []store.ReceiptOutcome
		for _, r := range order {
			r.DeliveryID = d.ID
			o, _, err := b.st.ApplyReceipt(b.ctx, r)
			require.NoError(t, err)
			outcomes = append(outcomes, o)
		}
		got, err := b.st.GetDelivery(b.ctx, d.ID)
		require.NoError(t, err)
		require.Equal(t, store.DeliveryBounced, got.Status, "order %v", outcomes)
		require.Equal(t, store.ReasonBounced, got.Reason)
		require.Equal(t, "550 5.1.1 no such user", got.LastError)
		types := b.eventTypes(t, d)
		require.Equal(t, 1, count(types, "bounced"), "one bounced event: %v", types)
		require.LessOrEqual(t, count(types, "delivered"), 1)
	}

	// Concurrent copies of one receipt: applied once.
	d := b.delivery(t, store.ChannelSMS, store.DeliverySent, "+14155550123")
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		applied int
	)
	for range 8 {
		wg.Go(func() {
			o, _, err := b.st.ApplyReceipt(b.ctx, store.Receipt{DeliveryID: d.ID, Status: store.DeliveryDelivered, ReceiptID: "SM1:delivered"})
			require.NoError(t, err)
			mu.Lock()
			defer mu.Unlock()
			if o == store.ReceiptApplied {
				applied++
			}
		})
	}
	wg.Wait()
	require.Equal(t, 1, applied)
	require.Equal(t, []string{"delivered"}, b.eventTypes(t, d))

	// Nothing to apply to a delivery that never went out, or to none.
	sup := b.delivery(t, store.ChannelEmail, store.DeliverySuppressed, "x@example.com")
	o, _, err := b.st.ApplyReceipt(b.ctx, store.Receipt{DeliveryID: sup.ID, Status: store.DeliveryDelivered})
	require.NoError(t, err)
	require.Equal(t, store.ReceiptNotSent, o)
	_, _, err = b.st.ApplyReceipt(b.ctx, store.Receipt{DeliveryID: uuid.New(), Status: store.DeliveryDelivered})
	require.ErrorIs(t, err, store.ErrNotFound)
}

func count(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

func TestEngagementIsRecordedOncePerReport(t *testing.T) {
	t.Parallel()
	b := setup(t)
	d := b.delivery(t, store.ChannelEmail, store.DeliverySent, "ada@example.com")
	at := time.Now().Add(-time.Minute)
	ok, err := b.st.RecordEngagement(b.ctx, store.Engagement{DeliveryID: d.ID, Type: store.EventClicked, Link: "https://example.com/a",
		Provider: "sendgrid", ReceiptID: "sg-1", At: &at})
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = b.st.RecordEngagement(b.ctx, store.Engagement{DeliveryID: d.ID, Type: store.EventClicked, Link: "https://example.com/a",
		Provider: "sendgrid", ReceiptID: "sg-1"})
	require.NoError(t, err)
	require.False(t, ok, "the same report again")
	for range 2 {
		ok, err = b.st.RecordEngagement(b.ctx, store.Engagement{DeliveryID: d.ID, Type: store.EventOpened})
		require.NoError(t, err)
		require.True(t, ok, "opens without a report id each count as an event")
	}
	evs, err := b.st.ListNotificationEvents(b.ctx, d.NotificationID)
	require.NoError(t, err)
	require.Len(t, evs, 3)
	require.Equal(t, "clicked", evs[0].Type)
	require.Equal(t, "https://example.com/a", evs[0].Details["link"])
	require.Equal(t, at.UTC().Format(time.RFC3339Nano), evs[0].Details["occurTime"])
	require.Equal(t, store.DeliverySent, evs[0].Status, "engagement leaves the status alone")

	_, err = b.st.RecordEngagement(b.ctx, store.Engagement{DeliveryID: uuid.New(), Type: store.EventOpened})
	require.ErrorIs(t, err, store.ErrNotFound)

	rows, err := b.st.Stats(b.ctx, store.StatsParams{TenantID: b.tenant.ID, Start: time.Now().Add(-time.Hour), End: time.Now().Add(time.Hour)})
	require.NoError(t, err)
	require.Len(t, rows, 1)
	require.Equal(t, int64(1), rows[0].Opened, "a delivery opened twice and clicked once is one opened delivery")
	require.Equal(t, int64(1), rows[0].Clicked)
}

func TestSuppressionList(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other, err := b.st.CreateTenant(b.ctx, "other")
	require.NoError(t, err)
	d := b.delivery(t, store.ChannelEmail, store.DeliveryBounced, "Ada@Example.com")

	s, added, err := b.st.AddSuppression(b.ctx, &store.Suppression{TenantID: b.tenant.ID, Channel: store.ChannelEmail,
		Address: " Ada@Example.com", Reason: store.ReasonBounced, DeliveryID: &d.ID, Provider: "sendgrid",
		Details: map[string]any{"type": "bounce"}})
	require.NoError(t, err)
	require.True(t, added)
	require.Equal(t, "ada@example.com", s.Address)
	require.Equal(t, "bounce", s.Details["type"])

	_, added, err = b.st.AddSuppression(b.ctx, &store.Suppression{TenantID: b.tenant.ID, Channel: store.ChannelEmail,
		Address: "ada@example.com", Reason: store.ReasonBounced})
	require.NoError(t, err)
	require.False(t, added, "listed already")
	s, added, err = b.st.AddSuppression(b.ctx, &store.Suppression{TenantID: b.tenant.ID, Channel: store.ChannelEmail,
		Address: "ADA@example.com", Reason: store.ReasonComplained})
	require.NoError(t, err)
	require.True(t, added, "a complaint outranks a bounce")
	require.Equal(t, store.ReasonComplained, s.Reason)
	_, added, err = b.st.AddSuppression(b.ctx, &store.Suppression{TenantID: b.tenant.ID, Channel: store.ChannelEmail,
		Address: "ada@example.com", Reason: store.ReasonBounced})
	require.NoError(t, err)
	require.False(t, added, "and a bounce does not undo it")

	_, _, err = b.st.AddSuppression(b.ctx, &store.Suppression{TenantID: b.tenant.ID, Channel: store.ChannelSMS,
		Address: "+14155550123", Reason: store.ReasonBounced})
	require.NoError(t, err)

	found, err := b.st.SuppressedAmong(b.ctx, b.tenant.ID, []store.SuppressionKey{
		{Channel: store.ChannelEmail, Address: "ADA@EXAMPLE.COM"}, {Channel: store.ChannelSMS, Address: "+14155550123"},
		{Channel: store.ChannelEmail, Address: "bob@example.com"}, {Channel: store.ChannelSMS, Address: "ada@example.com"},
	})
	require.NoError(t, err)
	require.Len(t, found, 2)
	require.Equal(t, store.ReasonComplained, found[store.SuppressionKey{Channel: store.ChannelEmail, Address: "ada@example.com"}].Reason)
	none, err := b.st.SuppressedAmong(b.ctx, other.ID, []store.SuppressionKey{{Channel: store.ChannelEmail, Address: "ada@example.com"}})
	require.NoError(t, err)
	require.Empty(t, none, "another tenant's list is its own")

	page, err := b.st.ListSuppressions(b.ctx, store.ListSuppressionsParams{TenantID: b.tenant.ID, Limit: 1})
	require.NoError(t, err)
	require.Len(t, page, 1)
	last := page[0]
	rest, err := b.st.ListSuppressions(b.ctx, store.ListSuppressionsParams{TenantID: b.tenant.ID, Limit: 10,
		AfterTime: last.CreatedAt, AfterChannel: last.Channel, AfterAddress: last.Address})
	require.NoError(t, err)
	require.Len(t, rest, 1)
	require.NotEqual(t, last.Address, rest[0].Address)
	byAddress, err := b.st.ListSuppressions(b.ctx, store.ListSuppressionsParams{TenantID: b.tenant.ID, Address: "Ada@example.com", Limit: 10})
	require.NoError(t, err)
	require.Len(t, byAddress, 1)
	sms, err := b.st.ListSuppressions(b.ctx, store.ListSuppressionsParams{TenantID: b.tenant.ID, Channel: store.ChannelSMS, Limit: 10})
	require.NoError(t, err)
	require.Len(t, sms, 1)

	require.ErrorIs(t, b.st.DeleteSuppression(b.ctx, other.ID, store.ChannelEmail, "ada@example.com"), store.ErrNotFound)
	require.NoError(t, b.st.DeleteSuppression(b.ctx, b.tenant.ID, store.ChannelEmail, "Ada@example.com"))
	require.ErrorIs(t, b.st.DeleteSuppression(b.ctx, b.tenant.ID, store.ChannelEmail, "ada@example.com"), store.ErrNotFound)
}
