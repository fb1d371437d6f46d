package app_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

func topicsClient(b *testBundle) heraldv1connect.TopicServiceClient {
	return heraldv1connect.NewTopicServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key)))
}

func TestTopicSendReachesSubscribersInChunks(t *testing.T) {
	t.Parallel()
	// Chunks of 3 make the 10 subscribers take four fan-out transactions.
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_FANOUT_CHUNK": "3"}))
	topics := topicsClient(b)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "release.published")

	var subscribers []string
	for i := range 12 {
		id := fmt.Sprintf("user-%02d", i)
		b.recipient(t, id, recv.srv.URL)
		if i < 10 {
			subscribers = append(subscribers, id)
		}
	}
	resp, err := topics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "project:42", RecipientIds: subscribers}))
	require.NoError(t, err)
	require.EqualValues(t, 10, resp.Msg.GetAdded())
	again, err := topics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "project:42", RecipientIds: subscribers[:2]}))
	require.NoError(t, err)
	require.Zero(t, again.Msg.GetAdded(), "subscribing twice adds nothing")

	sent := b.send(t, &heraldv1.SendRequest{MessageType: "release.published", Topic: "project:42", IdempotencyKey: "release-1",
		Data: data(t, map[string]any{"order": 7})})
	n := b.waitCompleted(t, sent.GetNotificationId())
	require.Equal(t, "project:42", n.GetTopic())
	require.Empty(t, n.GetRecipientIds())
	var got []string
	for _, d := range n.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), d.GetLastError())
		got = append(got, d.GetRecipientId())
		require.Equal(t, "project:42", d.GetEvents()[0].GetDetails().AsMap()["topic"], "the decision log says why: subscribed")
	}
	slices.Sort(got)
	require.Equal(t, subscribers, got, "every subscriber once, nobody else")
	require.Len(t, recv.received(), 10)
}

func TestTopicSubscriptions(t *testing.T) {
	t.Parallel()
	b := setup(t)
	topics := topicsClient(b)
	for i := range 5 {
		b.recipient(t, fmt.Sprintf("r%d", i), "")
	}

	_, err := topics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "news", RecipientIds: []string{"r0", "ghost", "r1"}}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
	require.ErrorContains(t, err, "recipient_ids: no recipient ghost")
	list, err := topics.ListSubscribers(b.ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: "news"}))
	require.NoError(t, err)
	require.Empty(t, list.Msg.GetRecipientIds(), "a refused Subscribe subscribes nobody")

	_, err = topics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "news", RecipientIds: []string{"r3", "r0", "r4", "r1", "r2"}}))
	require.NoError(t, err)
	_, err = topics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "alerts", RecipientIds: []string{"r1"}}))
	require.NoError(t, err)

	var pages [][]string
	token := ""
	for {
		resp, err := topics.ListSubscribers(b.ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: "news", PageSize: 2, PageToken: token}))
		require.NoError(t, err)
		pages = append(pages, resp.Msg.GetRecipientIds())
		if token = resp.Msg.GetNextPageToken(); token == "" {
			break
		}
	}
	require.Equal(t, [][]string{{"r0", "r1"}, {"r2", "r3"}, {"r4"}}, pages)

	subs, err := topics.ListSubscriptions(b.ctx, connect.NewRequest(&heraldv1.ListSubscriptionsRequest{RecipientId: "r1"}))
	require.NoError(t, err)
	require.Equal(t, []string{"alerts", "news"}, subs.Msg.GetTopics())

	removed, err := topics.Unsubscribe(b.ctx, connect.NewRequest(&heraldv1.UnsubscribeRequest{Topic: "news", RecipientIds: []string{"r1", "r9"}}))
	require.NoError(t, err)
	require.EqualValues(t, 1, removed.Msg.GetRemoved())

	// A deleted recipient leaves its topics.
	_, err = b.recipients.DeleteRecipient(b.ctx, connect.NewRequest(&heraldv1.DeleteRecipientRequest{RecipientId: "r2"}))
	require.NoError(t, err)
	list, err = topics.ListSubscribers(b.ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: "news"}))
	require.NoError(t, err)
	require.Equal(t, []string{"r0", "r3", "r4"}, list.Msg.GetRecipientIds())

	// Another tenant's topic of the same name is another topic.
	other, err := b.app.Store().CreateTenant(b.ctx, "globex")
	require.NoError(t, err)
	otherKey := store.NewAPIKey()
	_, err = b.app.Store().CreateAPIKey(b.ctx, other.ID, "globex", otherKey)
	require.NoError(t, err)
	otherTopics := topicsClient(&testBundle{app: b.app, key: otherKey})
	otherList, err := otherTopics.ListSubscribers(b.ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: "news"}))
	require.NoError(t, err)
	require.Empty(t, otherList.Msg.GetRecipientIds())
	_, err = otherTopics.Subscribe(b.ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: "news", RecipientIds: []string{"r0"}}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err), "recipients of another tenant do not exist here")
}

func TestSendNeedsRecipientsOrTopic(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.webhookType(t, "hello")
	for name, req := range map[string]*heraldv1.SendRequest{
		"neither": {MessageType: "hello"},
		"both":    {MessageType: "hello", RecipientIds: []string{"a"}, Topic: "news"},
	} {
		_, err := b.notifications.Send(b.ctx, connect.NewRequest(req))
		require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err), name)
		require.ErrorContains(t, err, "recipient_ids, topic", name)
	}
	_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "hello", Topic: "Not A Topic"}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.ErrorContains(t, err, "topic")

	// A topic nobody follows is accepted and completes with no deliveries.
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "hello", Topic: "empty"})
	require.Eventually(t, func() bool {
		return b.get(t, sent.GetNotificationId()).GetStatus() == heraldv1.NotificationStatus_NOTIFICATION_STATUS_COMPLETED
	}, 10*time.Second, 20*time.Millisecond)
}
