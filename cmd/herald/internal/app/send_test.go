package app_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
)

func data(t testing.TB, m map[string]any) *structpb.Struct {
	t.Helper()
	s, err := structpb.NewStruct(m)
	require.NoError(t, err)
	return s
}

func TestSendDeliversSignedWebhookOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.shipped", heraldv1.Channel_CHANNEL_WEBHOOK, heraldv1.Channel_CHANNEL_IN_APP)
	b.recipient(t, "u1", recv.srv.URL)

	req := &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": "A-17"}), IdempotencyKey: "ship-A-17"}
	first := b.send(t, req)
	require.False(t, first.GetDuplicate())

	n := b.waitCompleted(t, first.GetNotificationId())
	require.Len(t, n.GetDeliveries(), 2)
	var hook *heraldv1.Delivery
	for _, d := range n.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), "delivery on %s", d.GetChannel())
		require.EqualValues(t, 1, d.GetAttempts())
		if d.GetChannel() == heraldv1.Channel_CHANNEL_WEBHOOK {
			hook = d
		}
	}
	require.Equal(t, "webhook", hook.GetProvider())
	require.Equal(t, []string{"queued", "rendered", "attempt", "sent"}, eventTypes(hook))
	attempt := hook.GetEvents()[2]
	require.EqualValues(t, 1, attempt.GetAttempt())
	require.EqualValues(t, http.StatusOK, attempt.GetResponseCode())
	require.NotNil(t, attempt.GetLatency())

	got := recv.received()
	require.Len(t, got, 1)
	require.Equal(t, hook.GetId(), got[0].idempotencyKey, "the delivery id is the idempotency key")
	require.True(t, got[0].signatureValid, "Herald-Signature verifies with the tenant's secret")
	require.Equal(t, "Order A-17 shipped", got[0].payload.Body)
	require.JSONEq(t, `{"order":"A-17"}`, string(got[0].payload.Data))
	require.Equal(t, first.GetNotificationId(), got[0].payload.NotificationID)

	// The same key and request again: the same notification, and no second POST.
	again := b.send(t, req)
	require.True(t, again.GetDuplicate())
	require.Equal(t, first.GetNotificationId(), again.GetNotificationId())

	// Another notification goes through the same lanes after it; once it is
	// delivered, the duplicate has had every chance to post and did not.
	other := b.send(t, &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": "B-2"})})
	b.waitCompleted(t, other.GetNotificationId())
	require.Len(t, recv.received(), 2)

	// The same key with a different payload is refused.
	_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "order.shipped",
		RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": "Z-9"}), IdempotencyKey: "ship-A-17"}))
	require.Equal(t, connect.CodeAlreadyExists, connectCode(t, err))
	require.Contains(t, err.Error(), "idempotency_key")
}

func TestWebhookRetriesTransientFailures(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret, http.StatusServiceUnavailable, http.StatusServiceUnavailable)
	b.webhookType(t, "alert")
	b.recipient(t, "u1", recv.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())

	d := n.GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
	require.EqualValues(t, 3, d.GetAttempts())
	require.Equal(t, []string{"queued", "rendered", "attempt", "retrying", "attempt", "retrying", "attempt", "sent"}, eventTypes(d))
	var codes []int32
	for _, e := range d.GetEvents() {
		if e.GetType() == "attempt" {
			codes = append(codes, e.GetResponseCode())
			if e.GetResponseCode() == http.StatusServiceUnavailable {
				require.Equal(t, "transient", e.GetReason())
			}
		}
	}
	require.Equal(t, []int32{503, 503, 200}, codes)

	got := recv.received()
	require.Len(t, got, 3)
	for _, r := range got {
		require.Equal(t, d.GetId(), r.idempotencyKey, "every retry carries the same idempotency key")
	}
}

func TestWebhookPermanentFailureIsNotRetried(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret, http.StatusBadRequest)
	b.webhookType(t, "alert")
	b.recipient(t, "u1", recv.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())

	d := n.GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
	require.Equal(t, "permanent", d.GetReason())
	require.EqualValues(t, 1, d.GetAttempts())
	require.Contains(t, d.GetLastError(), "HTTP 400")
	require.Equal(t, []string{"queued", "rendered", "attempt", "failed"}, eventTypes(d))
	require.Len(t, recv.received(), 1)
}

func TestWebhookThrottledHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var (
		mu    sync.Mutex
		times []time.Time
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		first := len(times) == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(srv.Close)
	b.webhookType(t, "alert")
	b.recipient(t, "u1", srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())
	d := n.GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
	require.Equal(t, []string{"queued", "rendered", "attempt", "throttled", "attempt", "sent"}, eventTypes(d))
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, times, 2)
	require.GreaterOrEqual(t, times[1].Sub(times[0]), 900*time.Millisecond, "the retry waited for Retry-After")
}

func TestSendIsIdempotentUnderConcurrency(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "receipt")
	b.recipient(t, "u1", recv.srv.URL)

	req := &heraldv1.SendRequest{MessageType: "receipt", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": "X"}), IdempotencyKey: "receipt-X"}
	const n = 50
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		ids   = map[string]int{}
		fresh int
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := b.notifications.Send(b.ctx, connect.NewRequest(req))
			if !assertNoError(t, err) {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			ids[resp.Msg.GetNotificationId()]++
			if !resp.Msg.GetDuplicate() {
				fresh++
			}
		}()
	}
	wg.Wait()
	require.Len(t, ids, 1, "every caller got the same notification")
	require.Equal(t, 1, fresh, "exactly one call created it")

	var id string
	for k := range ids {
		id = k
	}
	notif := b.waitCompleted(t, id)
	require.Len(t, notif.GetDeliveries(), 1)

	list, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetNotifications(), 1, "one notification in the tenant")
	require.Len(t, recv.received(), 1, "one POST")
}

func assertNoError(t *testing.T, err error) bool {
	t.Helper()
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		return false
	}
	return true
}

func TestEnqueueTxRolledBackSendsNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.placed")
	b.recipient(t, "u1", recv.srv.URL)

	enq, err := enqueue.NewForTenant(b.ctx, b.app.Store().Pool(), "acme")
	require.NoError(t, err)

	// The caller's order transaction fails after enqueueing: nothing is sent.
	tx, err := b.app.Store().Pool().Begin(b.ctx)
	require.NoError(t, err)
	rolledBack, err := enq.EnqueueTx(b.ctx, tx, &heraldv1.SendRequest{MessageType: "order.placed", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": "rolled-back"})})
	require.NoError(t, err)
	require.NoError(t, tx.Rollback(b.ctx))

	// A committed one goes out.
	var committed *heraldv1.SendResponse
	require.NoError(t, pgx.BeginFunc(b.ctx, b.app.Store().Pool(), func(tx pgx.Tx) error {
		committed, err = enq.EnqueueTx(b.ctx, tx, &heraldv1.SendRequest{MessageType: "order.placed", RecipientIds: []string{"u1"},
			Data: data(t, map[string]any{"order": "committed"})})
		return err
	}))
	b.waitCompleted(t, committed.GetNotificationId())

	_, err = b.notifications.GetNotification(b.ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: rolledBack.GetNotificationId()}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
	got := recv.received()
	require.Len(t, got, 1)
	require.JSONEq(t, `{"order":"committed"}`, string(got[0].payload.Data))
}

func TestCancelScheduledNotification(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "reminder")
	b.recipient(t, "u1", recv.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "reminder", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": 1}), SendAt: timestamppb.New(time.Now().Add(time.Hour))})
	require.Equal(t, heraldv1.NotificationStatus_NOTIFICATION_STATUS_SCHEDULED, b.get(t, res.GetNotificationId()).GetStatus())

	cancel := func() *heraldv1.CancelNotificationResponse {
		resp, err := b.notifications.CancelNotification(b.ctx, connect.NewRequest(&heraldv1.CancelNotificationRequest{NotificationId: res.GetNotificationId()}))
		require.NoError(t, err)
		return resp.Msg
	}
	first := cancel()
	require.Equal(t, heraldv1.NotificationStatus_NOTIFICATION_STATUS_CANCELED, first.GetNotification().GetStatus())
	require.Equal(t, "test", first.GetNotification().GetCanceledBy())
	require.NotNil(t, first.GetNotification().GetCancelTime())
	second := cancel()
	require.Equal(t, first.GetNotification().GetCancelTime().AsTime(), second.GetNotification().GetCancelTime().AsTime(), "cancel is idempotent")
}

func TestCancelAfterDeliveryReportsGoneDeliveries(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "reminder")
	b.recipient(t, "u1", recv.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "reminder", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())

	resp, err := b.notifications.CancelNotification(b.ctx, connect.NewRequest(&heraldv1.CancelNotificationRequest{NotificationId: res.GetNotificationId()}))
	require.NoError(t, err)
	require.Empty(t, resp.Msg.GetCanceledDeliveryIds())
	require.Equal(t, []string{n.GetDeliveries()[0].GetId()}, resp.Msg.GetGoneDeliveryIds())
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, resp.Msg.GetNotification().GetDeliveries()[0].GetStatus())
}

func TestWebhookRefusesPrivateAddressesByDefault(t *testing.T) {
	t.Parallel()
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_WEBHOOK_ALLOW_PRIVATE": "false"}))
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "alert")
	b.recipient(t, "u1", recv.srv.URL) // 127.0.0.1

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	d := b.waitCompleted(t, res.GetNotificationId()).GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
	require.Equal(t, "permanent", d.GetReason())
	require.Contains(t, d.GetLastError(), "not allowed")
	require.Empty(t, recv.received())
}

// A notification's deliveries on one lane go out in one batch job; those
// that must be retried carry on in jobs of their own, the rest are recorded
// together, inbox items included.
func TestBatchedDeliveriesCarryOnAloneWhenRetried(t *testing.T) {
	t.Parallel()
	b := setup(t)
	flaky := newReceiver(t, b.tenant.SigningSecret, http.StatusServiceUnavailable, http.StatusServiceUnavailable)
	refusing := newReceiver(t, b.tenant.SigningSecret, http.StatusBadRequest)
	fine := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "alert", heraldv1.Channel_CHANNEL_WEBHOOK, heraldv1.Channel_CHANNEL_IN_APP)
	b.recipient(t, "flaky", flaky.srv.URL)
	b.recipient(t, "refusing", refusing.srv.URL)
	b.recipient(t, "fine-1", fine.srv.URL)
	b.recipient(t, "fine-2", fine.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"flaky", "refusing", "fine-1", "fine-2"},
		Data: data(t, map[string]any{"order": 7})})
	n := b.waitCompleted(t, res.GetNotificationId())
	require.Len(t, n.GetDeliveries(), 8)
	for _, d := range n.GetDeliveries() {
		switch {
		case d.GetChannel() == heraldv1.Channel_CHANNEL_IN_APP:
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), d.GetRecipientId())
			require.Equal(t, []string{"queued", "rendered", "attempt", "sent"}, eventTypes(d))
		case d.GetRecipientId() == "flaky":
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
			require.EqualValues(t, 3, d.GetAttempts())
			require.Equal(t, []string{"queued", "rendered", "attempt", "retrying", "attempt", "retrying", "attempt", "sent"}, eventTypes(d))
		case d.GetRecipientId() == "refusing":
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
			require.EqualValues(t, 1, d.GetAttempts())
		default:
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), d.GetRecipientId())
			require.Equal(t, []string{"queued", "rendered", "attempt", "sent"}, eventTypes(d))
		}
	}
	require.Len(t, flaky.received(), 3)
	require.Len(t, refusing.received(), 1)
	require.Len(t, fine.received(), 2)

	ctx := context.Background()
	var items, batches, alone int
	pool := b.app.Store().Pool()
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM inbox_items WHERE notification_id = $1`, res.GetNotificationId()).Scan(&items))
	require.Equal(t, 4, items)
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE kind = 'herald.deliver_batch'), count(*) FILTER (WHERE kind = 'herald.deliver')
		FROM river_job`).Scan(&batches, &alone))
	require.Equal(t, 2, batches, "one batch per lane: webhook and in-app")
	require.Equal(t, 1, alone, "only the flaky delivery carried on alone")
}

// A batch whose deliveries are still held by an earlier run (a worker that
// died mid-call) leaves them to jobs of their own, which take them once the
// hold expires: each is sent, none is lost.
func TestBatchLeavesHeldDeliveriesToTheirOwnJobs(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "alert")
	ids := []string{"r1", "r2", "r3"}
	for _, id := range ids {
		b.recipient(t, id, recv.srv.URL)
	}
	lane := jobs.DeliverQueue(store.PriorityNormal, store.ChannelWebhook)
	require.NoError(t, b.app.River().QueuePause(ctx, lane, nil))

	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: ids, Data: data(t, map[string]any{"order": 1})})
	var held []uuid.UUID
	require.Eventually(t, func() bool {
		n := b.get(t, res.GetNotificationId())
		held = held[:0]
		for _, d := range n.GetDeliveries() {
			if d.GetRecipientId() != "r1" {
				held = append(held, uuid.MustParse(d.GetId()))
			}
		}
		return len(n.GetDeliveries()) == 3
	}, 10*time.Second, 20*time.Millisecond)
	claimed, err := b.app.Store().ClaimDeliveries(ctx, held, 500*time.Millisecond)
	require.NoError(t, err)
	require.Len(t, claimed, 2)
	require.NoError(t, b.app.River().QueueResume(ctx, lane, nil))

	n := b.waitCompleted(t, res.GetNotificationId())
	for _, d := range n.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), d.GetRecipientId())
		require.EqualValues(t, 1, d.GetAttempts(), d.GetRecipientId())
	}
	got := map[string]int{}
	for _, r := range recv.received() {
		got[r.idempotencyKey]++
	}
	require.Len(t, got, 3)
	for id, c := range got {
		require.Equal(t, 1, c, id)
	}
}
