package app_test

import (
	"net/http"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
)

// TestInboxClicksAndPushOpens: an app reports inbox clicks (with the
// item's link) and push opens with the recipient's inbox token, or a
// backend with its API key; they are recorded only for message types that
// track them, and only for the token's own recipient.
func TestInboxClicksAndPushOpens(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, nil, nil)
	for _, c := range []struct {
		key      string
		tracking *heraldv1.Tracking
	}{{"tracked", &heraldv1.Tracking{Opens: true, Clicks: true}}, {"untracked", nil}} {
		_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
			Key: c.key, Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP, heraldv1.Channel_CHANNEL_PUSH}, Tracking: c.tracking,
			Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "New", Body: "x", Link: "https://app.example.com/x"},
				Push: &heraldv1.PushTemplate{Title: "New", Body: "x"}},
		}}))
		require.NoError(t, err)
	}
	fcm := heraldv1.PushPlatform_PUSH_PLATFORM_FCM
	b.upsert(t, &heraldv1.Recipient{Id: "ada", PushTokens: []*heraldv1.PushToken{{Token: "fcm-ada", Platform: fcm}}})
	b.upsert(t, &heraldv1.Recipient{Id: "bob", PushTokens: []*heraldv1.PushToken{{Token: "fcm-bob", Platform: fcm}}})
	adaToken, bobToken := b.inboxToken(t, "ada", time.Hour), b.inboxToken(t, "bob", time.Hour)
	inbox := func(token string) heraldv1connect.InboxServiceClient {
		return heraldv1connect.NewInboxServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(token)))
	}
	engagement := func(token string) heraldv1connect.EngagementServiceClient {
		return heraldv1connect.NewEngagementServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(token)))
	}
	sent := map[string]*heraldv1.Notification{}
	for _, k := range []string{"tracked", "untracked"} {
		res := b.send(t, &heraldv1.SendRequest{MessageType: k, RecipientIds: []string{"ada"}})
		sent[k] = b.waitCompleted(t, res.GetNotificationId())
	}
	items, err := inbox(adaToken).ListInbox(b.ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	require.Len(t, items.Msg.GetItems(), 2)
	itemOf := map[string]string{}
	for _, it := range items.Msg.GetItems() {
		itemOf[it.GetNotificationId()] = it.GetId()
	}

	tracked, untracked := itemOf[sent["tracked"].GetId()], itemOf[sent["untracked"].GetId()]
	click, err := inbox(adaToken).ReportClick(b.ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: tracked}))
	require.NoError(t, err)
	require.True(t, click.Msg.GetRecorded())
	click, err = inbox(adaToken).ReportClick(b.ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: untracked, Link: "https://app.example.com/x"}))
	require.NoError(t, err)
	require.False(t, click.Msg.GetRecorded(), "accepted, not tracked")
	_, err = inbox(adaToken).ReportClick(b.ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: tracked, Link: "https://evil.example/"}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	_, err = inbox(bobToken).ReportClick(b.ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: tracked}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err), "another recipient's item")
	_, err = inbox(b.key).ReportClick(b.ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: tracked}))
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err), "InboxService takes inbox tokens only")

	push := deliveryOn(sent["tracked"], heraldv1.Channel_CHANNEL_PUSH).GetId()
	open, err := engagement(adaToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: push}))
	require.NoError(t, err)
	require.True(t, open.Msg.GetRecorded())
	open, err = engagement(b.key).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: push,
		OpenTime: timestamppb.New(time.Now().Add(-time.Second))}))
	require.NoError(t, err, "a backend with an API key")
	require.True(t, open.Msg.GetRecorded())
	_, err = engagement(bobToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: push}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err), "another recipient's delivery")
	inAppDelivery := deliveryOn(sent["tracked"], heraldv1.Channel_CHANNEL_IN_APP).GetId()
	_, err = engagement(adaToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: inAppDelivery}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err), "not a push delivery")
	_, err = engagement(adaToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: push,
		OpenTime: timestamppb.New(time.Now().Add(time.Hour))}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	_, err = engagement(adaToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: uuid.NewString()}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
	open, err = engagement(adaToken).ReportPushOpen(b.ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{
		DeliveryId: deliveryOn(sent["untracked"], heraldv1.Channel_CHANNEL_PUSH).GetId()}))
	require.NoError(t, err)
	require.False(t, open.Msg.GetRecorded())

	n := b.get(t, sent["tracked"].GetId())
	inApp := deliveryOn(n, heraldv1.Channel_CHANNEL_IN_APP)
	require.Len(t, eventsOf(inApp, "clicked"), 1)
	require.Equal(t, "https://app.example.com/x", eventsOf(inApp, "clicked")[0].GetDetails().AsMap()["link"])
	require.Len(t, eventsOf(deliveryOn(n, heraldv1.Channel_CHANNEL_PUSH), "opened"), 2)
	n = b.get(t, sent["untracked"].GetId())
	require.Empty(t, eventsOf(deliveryOn(n, heraldv1.Channel_CHANNEL_IN_APP), "clicked"))
	require.Empty(t, eventsOf(deliveryOn(n, heraldv1.Channel_CHANNEL_PUSH), "opened"))
}

// TestInvalidNumberAtSendIsSuppressed: Twilio refusing a number as invalid
// (21211) fails the delivery and lists the number; the next text to it is
// SUPPRESSED without a call.
func TestInvalidNumberAtSendIsSuppressed(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, nil, nil)
	b.allChannelsType(t, "otp", 3, heraldv1.Channel_CHANNEL_SMS)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Phone: "+15555550123"}) // well-formed, and invalid for the fake Twilio
	send := func() *heraldv1.Delivery {
		res := b.send(t, &heraldv1.SendRequest{MessageType: "otp", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{"order": 1})})
		return b.waitCompleted(t, res.GetNotificationId()).GetDeliveries()[0]
	}
	d := send()
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
	require.Len(t, eventsOf(d, "suppression_added"), 1)
	calls := len(f.twilio.Calls())
	d = send()
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, d.GetStatus())
	require.Equal(t, "bounced", d.GetReason())
	require.Len(t, f.twilio.Calls(), calls)
}
