package app_test

import (
	"fmt"
	"sync"
	"testing"

	"connectrpc.com/connect"
	"github.com/riverqueue/river"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// TestPoisonMessagesDoNotBlockTheLane sends notifications of a message type
// whose template can never render, mixed with good ones of the same lane
// and sent at once (so they share accepting transactions, fan-out jobs and
// delivery lanes). The poison ones end FAILED with render_error without a
// provider call or a retry; the good ones are delivered; no job retries.
func TestPoisonMessagesDoNotBlockTheLane(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "good")
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
		MessageType: &heraldv1.MessageType{
			Key: "poison", Category: "transactional", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
			// Parses, and fails whatever the data: the template it calls
			// does not exist.
			Templates:   &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: `{{template "nowhere" .}}`}},
			MaxAttempts: 3,
		},
	}))
	require.NoError(t, err)
	const recipients, each = 5, 20
	for i := range recipients {
		b.recipient(t, fmt.Sprintf("u%d", i), recv.srv.URL)
	}

	var (
		mu     sync.Mutex
		poison []string
		good   []string
		errs   []error
		wg     sync.WaitGroup
	)
	for i := range each {
		for _, typ := range []string{"poison", "good"} {
			req := &heraldv1.SendRequest{MessageType: typ, RecipientIds: []string{fmt.Sprintf("u%d", i%recipients)},
				Data: data(t, map[string]any{"order": i})}
			wg.Go(func() {
				res, err := b.notifications.Send(b.ctx, connect.NewRequest(req))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					errs = append(errs, err)
				case typ == "poison":
					poison = append(poison, res.Msg.GetNotificationId())
				default:
					good = append(good, res.Msg.GetNotificationId())
				}
			})
		}
	}
	wg.Wait()
	require.Empty(t, errs)

	for _, id := range poison {
		n := b.waitCompleted(t, id)
		require.Len(t, n.GetDeliveries(), 1)
		d := n.GetDeliveries()[0]
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
		require.Equal(t, "render_error", d.GetReason())
		require.Contains(t, d.GetLastError(), "nowhere")
		require.Zero(t, d.GetAttempts(), "no provider was called")
		require.NotContains(t, eventTypes(d), "attempt")
		require.NotContains(t, eventTypes(d), "retrying")
	}
	delivered := map[string]bool{}
	for _, r := range recv.received() {
		delivered[r.payload.NotificationID] = true
	}
	for _, id := range good {
		n := b.waitCompleted(t, id)
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, n.GetDeliveries()[0].GetStatus())
		require.True(t, delivered[id], "good notification %s reached the receiver", id)
	}
	require.Len(t, recv.received(), each, "the receiver got the good ones, once each, and nothing else")

	// Every job ran once: a poison message failed no fan-out job, so none
	// was retried (which would hold up the good notifications it carried).
	jobs, err := b.app.River().JobList(b.ctx, river.NewJobListParams().First(1000))
	require.NoError(t, err)
	require.NotEmpty(t, jobs.Jobs)
	for _, j := range jobs.Jobs {
		require.Equal(t, 1, j.Attempt, "job %s (%s) was attempted more than once: %v", j.Kind, j.State, j.Errors)
		require.Empty(t, j.Errors, j.Kind)
	}
}
