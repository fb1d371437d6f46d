package app_test

import (
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/riverqueue/river"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
)

// TestRetentionDeletesWhatOutlivedIt runs the retention job with a
// retention shorter than a delivery takes: the delivered notification is
// gone, and its idempotency key is free again. Ages are the database's, so
// a worker's clock (here years ahead) deletes nothing early.
func TestRetentionDeletesWhatOutlivedIt(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Now().AddDate(3, 0, 0))
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_RETENTION": "1ms"}), withClock(clock))
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "order.shipped")
	b.recipient(t, "u1", recv.srv.URL)
	req := &heraldv1.SendRequest{MessageType: "order.shipped", RecipientIds: []string{"u1"},
		Data: data(t, map[string]any{"order": "A-1"}), IdempotencyKey: "order-A-1"}
	sent := b.send(t, req)
	b.waitCompleted(t, sent.GetNotificationId())

	res, err := b.app.River().Insert(b.ctx, jobs.RetentionArgs{}, &river.InsertOpts{Queue: "maintenance"})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		_, err := b.notifications.GetNotification(b.ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: sent.GetNotificationId()}))
		return connect.CodeOf(err) == connect.CodeNotFound
	}, 10*time.Second, 20*time.Millisecond, "retention job %d deleted the notification", res.Job.ID)

	again := b.send(t, req)
	require.False(t, again.GetDuplicate(), "the idempotency key went with the notification")
}
