package app_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/server"
	"github.com/heraldhq/herald/store"
)

// Markers of tenant acme's data that nothing tenant globex receives may
// contain.
const (
	acmeEmail    = "alice-private@acme.example"
	acmeTemplate = "acme-only template text"
	acmeTopic    = "acme.project-1"
)

// tenantClients are clients of every API-key service for one key.
type tenantClients struct {
	notifications heraldv1connect.NotificationServiceClient
	recipients    heraldv1connect.RecipientServiceClient
	messageTypes  heraldv1connect.MessageTypeServiceClient
	preferences   heraldv1connect.PreferenceServiceClient
	digests       heraldv1connect.DigestServiceClient
	topics        heraldv1connect.TopicServiceClient
	analytics     heraldv1connect.AnalyticsServiceClient
	operator      heraldv1connect.OperatorServiceClient
	endpoints     heraldv1connect.WebhookEndpointServiceClient
	suppressions  heraldv1connect.SuppressionServiceClient
	engagement    heraldv1connect.EngagementServiceClient
}

func clientsFor(url, key string) *tenantClients {
	c := &tenantClients{}
	c.notifications, c.recipients, c.messageTypes = clients(url, key)
	opt := connect.WithInterceptors(bearer(key))
	c.preferences = heraldv1connect.NewPreferenceServiceClient(http.DefaultClient, url, opt)
	c.digests = heraldv1connect.NewDigestServiceClient(http.DefaultClient, url, opt)
	c.topics = heraldv1connect.NewTopicServiceClient(http.DefaultClient, url, opt)
	c.analytics = heraldv1connect.NewAnalyticsServiceClient(http.DefaultClient, url, opt)
	c.operator = heraldv1connect.NewOperatorServiceClient(http.DefaultClient, url, opt)
	c.endpoints = heraldv1connect.NewWebhookEndpointServiceClient(http.DefaultClient, url, opt)
	c.suppressions = heraldv1connect.NewSuppressionServiceClient(http.DefaultClient, url, opt)
	c.engagement = heraldv1connect.NewEngagementServiceClient(http.DefaultClient, url, opt)
	return c
}

// acmeData is what tenant acme created, for globex to try to reach.
type acmeData struct {
	notificationID, digestedID, deliveryID, inboxItemID string
	idempotencyKey, endpointID, endpointURL             string
	// secondID is the notification acme sends while globex watches.
	secondID string
}

// TestTenantIsolationCoversEveryRPC has tenant acme create one of
// everything (recipient, message types, notifications and deliveries,
// preferences and tenant defaults, a digest item, a topic subscription, an
// inbox item and token), then calls every RPC of every herald.v1 service
// as tenant globex, aimed at acme's data: reads answer NotFound or
// nothing of acme's, writes change nothing of acme's, and no answer to
// globex carries any of acme's data. The RPCs come from the descriptors:
// a new RPC without an entry here fails the test.
func TestTenantIsolationCoversEveryRPC(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	acme := clientsFor(b.app.URL(), b.key)
	ctx := b.ctx

	// Acme's data.
	for _, mt := range []*heraldv1.MessageType{
		{Key: "secret.type", Category: "transactional",
			Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK, heraldv1.Channel_CHANNEL_IN_APP},
			Templates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: acmeTemplate},
				InApp: &heraldv1.InAppTemplate{Title: acmeTemplate, Body: acmeTemplate}}},
		{Key: "secret.digest", Category: "updates", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK}, Digestible: true,
			Templates:       &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: acmeTemplate}},
			DigestTemplates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: acmeTemplate + " {{.count}}"}}},
	} {
		_, err := acme.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: mt}))
		require.NoError(t, err)
	}
	_, err := acme.recipients.UpsertRecipient(ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
		Recipient: &heraldv1.Recipient{Id: "alice", Email: acmeEmail, WebhookUrl: recv.srv.URL}}))
	require.NoError(t, err)
	acmePrefs := &heraldv1.Preferences{
		Rules:  []*heraldv1.PreferenceRule{{Category: "marketing", Enabled: false}},
		Digest: &heraldv1.DigestSettings{Cadence: heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, Weekday: 1, Hour: 9},
	}
	_, err = acme.preferences.UpdatePreferences(ctx, connect.NewRequest(&heraldv1.UpdatePreferencesRequest{RecipientId: "alice", Preferences: acmePrefs}))
	require.NoError(t, err)
	_, err = acme.preferences.UpdateDefaultPreferences(ctx, connect.NewRequest(&heraldv1.UpdateDefaultPreferencesRequest{
		Preferences: &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{{Category: "acme-defaults", Enabled: false}}}}))
	require.NoError(t, err)
	_, err = acme.topics.Subscribe(ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: acmeTopic, RecipientIds: []string{"alice"}}))
	require.NoError(t, err)
	_, err = acme.suppressions.AddSuppression(ctx, connect.NewRequest(&heraldv1.AddSuppressionRequest{
		Channel: heraldv1.Channel_CHANNEL_EMAIL, Address: acmeEmail, Reason: "bounced"}))
	require.NoError(t, err)
	acmeListed := func(t *testing.T) {
		t.Helper()
		list, err := acme.suppressions.ListSuppressions(ctx, connect.NewRequest(&heraldv1.ListSuppressionsRequest{}))
		require.NoError(t, err)
		require.Len(t, list.Msg.GetSuppressions(), 1, "acme's suppression list is as acme left it")
		require.Equal(t, acmeEmail, list.Msg.GetSuppressions()[0].GetAddress())
		require.Equal(t, "bounced", list.Msg.GetSuppressions()[0].GetReason())
	}
	var a acmeData
	acmeStatus := newStatusReceiver(t)
	ep, err := acme.endpoints.CreateWebhookEndpoint(ctx, connect.NewRequest(&heraldv1.CreateWebhookEndpointRequest{Url: acmeStatus.srv.URL + "/acme-status"}))
	require.NoError(t, err)
	a.endpointID, a.endpointURL = ep.Msg.GetEndpoint().GetId(), ep.Msg.GetEndpoint().GetUrl()
	a.idempotencyKey = "order-1-shipped"
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "secret.type", RecipientIds: []string{"alice"},
		Data: data(t, map[string]any{"order": 1}), IdempotencyKey: a.idempotencyKey})
	a.notificationID = sent.GetNotificationId()
	n := b.waitCompleted(t, a.notificationID)
	a.deliveryID = n.GetDeliveries()[0].GetId()
	a.digestedID = b.send(t, &heraldv1.SendRequest{MessageType: "secret.digest", RecipientIds: []string{"alice"}}).GetNotificationId()
	b.waitCompleted(t, a.digestedID)
	acmeInbox := inboxClient(b.app.URL(), b.inboxToken(t, "alice", time.Hour))
	items, err := acmeInbox.ListInbox(ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
	require.NoError(t, err)
	require.Len(t, items.Msg.GetItems(), 1)
	a.inboxItemID = items.Msg.GetItems()[0].GetId()

	// Tenant globex, with a recipient and an inbox of its own.
	globex, err := b.app.Store().CreateTenant(ctx, "globex")
	require.NoError(t, err)
	globexKey := store.NewAPIKey()
	_, err = b.app.Store().CreateAPIKey(ctx, globex.ID, "globex", globexKey)
	require.NoError(t, err)
	g := clientsFor(b.app.URL(), globexKey)
	_, err = g.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: "globex.ping", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP},
		Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "globex", Body: "globex"}}}}))
	require.NoError(t, err)
	_, err = g.recipients.UpsertRecipient(ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{Recipient: &heraldv1.Recipient{Id: "bob"}}))
	require.NoError(t, err)
	tok, err := g.recipients.CreateInboxToken(ctx, connect.NewRequest(&heraldv1.CreateInboxTokenRequest{RecipientId: "bob"}))
	require.NoError(t, err)
	globexInbox := inboxClient(b.app.URL(), tok.Msg.GetToken())
	globexStatus := newStatusReceiver(t)

	// noLeak fails if an answer to globex carries acme's data.
	secrets := []string{a.notificationID, a.digestedID, a.deliveryID, a.inboxItemID, acmeEmail, acmeTemplate, acmeTopic, "acme-defaults",
		a.endpointID, a.endpointURL}
	noLeak := func(t *testing.T, msg proto.Message) {
		t.Helper()
		out, err := protojson.Marshal(msg)
		require.NoError(t, err)
		for _, s := range secrets {
			require.NotContains(t, string(out), s, "globex was answered acme's data")
		}
	}
	// notFound: the call fails with NotFound, naming nothing of acme's but
	// what the caller sent.
	notFound := func(t *testing.T, err error, sent ...string) {
		t.Helper()
		require.Equal(t, connect.CodeNotFound, connect.CodeOf(err), "%v", err)
		for _, s := range secrets {
			if !slices.Contains(sent, s) {
				require.NotContains(t, err.Error(), s)
			}
		}
	}
	unread := func(t *testing.T) int64 {
		t.Helper()
		c, err := acmeInbox.UnreadCount(ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
		require.NoError(t, err)
		return c.Msg.GetCount()
	}

	// Every RPC, in the order run: reads, then writes (so that globex's
	// own "alice", created last, cannot hide a leak).
	checks := []struct {
		procedure string
		check     func(t *testing.T)
	}{
		{heraldv1connect.NotificationServiceGetNotificationProcedure, func(t *testing.T) {
			_, err := g.notifications.GetNotification(ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: a.notificationID}))
			notFound(t, err)
		}},
		{heraldv1connect.NotificationServiceListNotificationsProcedure, func(t *testing.T) {
			for _, req := range []*heraldv1.ListNotificationsRequest{{}, {RecipientId: "alice"}, {MessageType: "secret.type"}} {
				resp, err := g.notifications.ListNotifications(ctx, connect.NewRequest(req))
				require.NoError(t, err)
				require.Empty(t, resp.Msg.GetNotifications())
				noLeak(t, resp.Msg)
			}
		}},
		{heraldv1connect.RecipientServiceGetRecipientProcedure, func(t *testing.T) {
			_, err := g.recipients.GetRecipient(ctx, connect.NewRequest(&heraldv1.GetRecipientRequest{RecipientId: "alice"}))
			notFound(t, err)
		}},
		{heraldv1connect.RecipientServiceCreateInboxTokenProcedure, func(t *testing.T) {
			_, err := g.recipients.CreateInboxToken(ctx, connect.NewRequest(&heraldv1.CreateInboxTokenRequest{RecipientId: "alice"}))
			notFound(t, err)
		}},
		{heraldv1connect.MessageTypeServiceGetMessageTypeProcedure, func(t *testing.T) {
			for _, v := range []int32{0, 1} {
				_, err := g.messageTypes.GetMessageType(ctx, connect.NewRequest(&heraldv1.GetMessageTypeRequest{Key: "secret.type", Version: v}))
				notFound(t, err)
			}
		}},
		{heraldv1connect.MessageTypeServiceListMessageTypesProcedure, func(t *testing.T) {
			resp, err := g.messageTypes.ListMessageTypes(ctx, connect.NewRequest(&heraldv1.ListMessageTypesRequest{}))
			require.NoError(t, err)
			for _, mt := range resp.Msg.GetMessageTypes() {
				require.Equal(t, "globex.ping", mt.GetKey())
			}
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.MessageTypeServicePreviewMessageProcedure, func(t *testing.T) {
			_, err := g.messageTypes.PreviewMessage(ctx, connect.NewRequest(&heraldv1.PreviewMessageRequest{
				Source: &heraldv1.PreviewMessageRequest_MessageTypeKey{MessageTypeKey: "secret.type"}}))
			notFound(t, err)
			// An unsaved definition previewed for acme's recipient: that
			// recipient does not exist here.
			_, err = g.messageTypes.PreviewMessage(ctx, connect.NewRequest(&heraldv1.PreviewMessageRequest{
				Source: &heraldv1.PreviewMessageRequest_MessageType{MessageType: &heraldv1.MessageType{
					Key: "probe", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
					Templates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "{{.recipient.email}}"}}}},
				RecipientId: "alice"}))
			notFound(t, err)
		}},
		{heraldv1connect.PreferenceServiceGetPreferencesProcedure, func(t *testing.T) {
			_, err := g.preferences.GetPreferences(ctx, connect.NewRequest(&heraldv1.GetPreferencesRequest{RecipientId: "alice"}))
			notFound(t, err)
		}},
		{heraldv1connect.PreferenceServiceGetDefaultPreferencesProcedure, func(t *testing.T) {
			resp, err := g.preferences.GetDefaultPreferences(ctx, connect.NewRequest(&heraldv1.GetDefaultPreferencesRequest{}))
			require.NoError(t, err)
			require.Empty(t, resp.Msg.GetPreferences().GetRules())
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.DigestServiceGetDigestProcedure, func(t *testing.T) {
			_, err := g.digests.GetDigest(ctx, connect.NewRequest(&heraldv1.GetDigestRequest{RecipientId: "alice", MessageType: "secret.digest"}))
			notFound(t, err)
		}},
		{heraldv1connect.TopicServiceListSubscribersProcedure, func(t *testing.T) {
			resp, err := g.topics.ListSubscribers(ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: acmeTopic}))
			require.NoError(t, err)
			require.Empty(t, resp.Msg.GetRecipientIds())
		}},
		{heraldv1connect.TopicServiceListSubscriptionsProcedure, func(t *testing.T) {
			resp, err := g.topics.ListSubscriptions(ctx, connect.NewRequest(&heraldv1.ListSubscriptionsRequest{RecipientId: "alice"}))
			if err != nil {
				notFound(t, err)
				return
			}
			require.Empty(t, resp.Msg.GetTopics())
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.AnalyticsServiceGetStatsProcedure, func(t *testing.T) {
			for _, req := range []*heraldv1.GetStatsRequest{{MessageType: "secret.type"}, {}} {
				resp, err := g.analytics.GetStats(ctx, connect.NewRequest(req))
				require.NoError(t, err)
				for _, row := range resp.Msg.GetRows() {
					require.NotEqual(t, "secret.type", row.GetMessageType(), "globex sent nothing of secret.type")
				}
				noLeak(t, resp.Msg)
			}
		}},
		{heraldv1connect.AnalyticsServiceListEventsProcedure, func(t *testing.T) {
			resp, err := g.analytics.ListEvents(ctx, connect.NewRequest(&heraldv1.ListEventsRequest{PageSize: 1000}))
			require.NoError(t, err)
			for _, e := range resp.Msg.GetEvents() {
				require.NotEqual(t, "alice", e.GetRecipientId(), "an event of acme's")
			}
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.SuppressionServiceListSuppressionsProcedure, func(t *testing.T) {
			for _, req := range []*heraldv1.ListSuppressionsRequest{{}, {Address: acmeEmail}, {Channel: heraldv1.Channel_CHANNEL_EMAIL}} {
				resp, err := g.suppressions.ListSuppressions(ctx, connect.NewRequest(req))
				require.NoError(t, err)
				require.Empty(t, resp.Msg.GetSuppressions())
			}
		}},
		{heraldv1connect.OperatorServiceGetQueueStatsProcedure, func(t *testing.T) {
			// Queue depths span tenants: operator keys only.
			_, err := g.operator.GetQueueStats(ctx, connect.NewRequest(&heraldv1.GetQueueStatsRequest{}))
			require.Equal(t, connect.CodePermissionDenied, connect.CodeOf(err), "%v", err)
		}},
		{heraldv1connect.InboxServiceListInboxProcedure, func(t *testing.T) {
			for _, f := range []heraldv1.InboxFilter{heraldv1.InboxFilter_INBOX_FILTER_ALL, heraldv1.InboxFilter_INBOX_FILTER_UNREAD} {
				resp, err := globexInbox.ListInbox(ctx, connect.NewRequest(&heraldv1.ListInboxRequest{Filter: f}))
				require.NoError(t, err)
				require.Empty(t, resp.Msg.GetItems())
			}
		}},
		{heraldv1connect.InboxServiceUnreadCountProcedure, func(t *testing.T) {
			resp, err := globexInbox.UnreadCount(ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
			require.NoError(t, err)
			require.Zero(t, resp.Msg.GetCount())
		}},
		{heraldv1connect.WebhookEndpointServiceCreateWebhookEndpointProcedure, func(t *testing.T) {
			// Globex's endpoint follows globex's events only: checked after
			// the table, once acme and globex have both sent.
			resp, err := g.endpoints.CreateWebhookEndpoint(ctx, connect.NewRequest(&heraldv1.CreateWebhookEndpointRequest{Url: globexStatus.srv.URL}))
			require.NoError(t, err)
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.WebhookEndpointServiceListWebhookEndpointsProcedure, func(t *testing.T) {
			resp, err := g.endpoints.ListWebhookEndpoints(ctx, connect.NewRequest(&heraldv1.ListWebhookEndpointsRequest{}))
			require.NoError(t, err)
			require.Len(t, resp.Msg.GetEndpoints(), 1, "globex's own")
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.InboxServiceWatchInboxProcedure, func(t *testing.T) {
			w := startWatch(t, globexInbox)
			require.Zero(t, w.next(t).GetUnreadCount())
			// Acme's item goes out first, globex's second: globex's stream
			// must skip the first.
			second := b.send(t, &heraldv1.SendRequest{MessageType: "secret.type", RecipientIds: []string{"alice"}, Data: data(t, map[string]any{"order": 2})})
			a.secondID = second.GetNotificationId()
			// Settled before the writes below count acme's unread items.
			defer b.waitCompleted(t, second.GetNotificationId())
			_, err := g.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "globex.ping", RecipientIds: []string{"bob"}}))
			require.NoError(t, err)
			m := w.next(t)
			require.Equal(t, "globex", m.GetItem().GetTitle())
			noLeak(t, m)
			w.cancel()
		}},

		// Writes.
		{heraldv1connect.InboxServiceMarkReadProcedure, func(t *testing.T) {
			before := unread(t)
			resp, err := globexInbox.MarkRead(ctx, connect.NewRequest(&heraldv1.MarkReadRequest{ItemIds: []string{a.inboxItemID}}))
			if err == nil {
				noLeak(t, resp.Msg)
			} else {
				notFound(t, err)
			}
			require.Equal(t, before, unread(t), "acme's item is still unread")
		}},
		{heraldv1connect.InboxServiceMarkAllReadProcedure, func(t *testing.T) {
			before := unread(t)
			_, err := globexInbox.MarkAllRead(ctx, connect.NewRequest(&heraldv1.MarkAllReadRequest{}))
			require.NoError(t, err)
			require.Equal(t, before, unread(t))
		}},
		{heraldv1connect.InboxServiceArchiveProcedure, func(t *testing.T) {
			_, err := globexInbox.Archive(ctx, connect.NewRequest(&heraldv1.ArchiveRequest{ItemIds: []string{a.inboxItemID}}))
			if err != nil {
				notFound(t, err)
			}
			resp, err := acmeInbox.ListInbox(ctx, connect.NewRequest(&heraldv1.ListInboxRequest{}))
			require.NoError(t, err)
			require.Contains(t, inboxIDs(resp.Msg.GetItems()), a.inboxItemID, "acme's item is not archived")
		}},
		{heraldv1connect.NotificationServiceCancelNotificationProcedure, func(t *testing.T) {
			_, err := g.notifications.CancelNotification(ctx, connect.NewRequest(&heraldv1.CancelNotificationRequest{NotificationId: a.digestedID}))
			notFound(t, err)
			require.NotEqual(t, heraldv1.NotificationStatus_NOTIFICATION_STATUS_CANCELED, b.get(t, a.digestedID).GetStatus())
		}},
		{heraldv1connect.NotificationServiceSendProcedure, func(t *testing.T) {
			_, err := g.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "secret.type", RecipientIds: []string{"alice"}}))
			notFound(t, err) // acme's message type does not exist here
			// Acme's idempotency key means nothing here: a new notification,
			// not acme's.
			resp, err := g.notifications.Send(ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "globex.ping", RecipientIds: []string{"alice"},
				IdempotencyKey: a.idempotencyKey}))
			require.NoError(t, err)
			require.False(t, resp.Msg.GetDuplicate())
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.DigestServiceFlushDigestProcedure, func(t *testing.T) {
			_, err := g.digests.FlushDigest(ctx, connect.NewRequest(&heraldv1.FlushDigestRequest{RecipientId: "alice", MessageType: "secret.digest"}))
			notFound(t, err)
		}},
		{heraldv1connect.PreferenceServiceUpdatePreferencesProcedure, func(t *testing.T) {
			_, err := g.preferences.UpdatePreferences(ctx, connect.NewRequest(&heraldv1.UpdatePreferencesRequest{RecipientId: "alice",
				Preferences: &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{{Enabled: false}}}}))
			notFound(t, err)
		}},
		{heraldv1connect.PreferenceServiceUpdateDefaultPreferencesProcedure, func(t *testing.T) {
			resp, err := g.preferences.UpdateDefaultPreferences(ctx, connect.NewRequest(&heraldv1.UpdateDefaultPreferencesRequest{
				Preferences: &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{{Category: "globex-defaults", Enabled: false}}}}))
			require.NoError(t, err)
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.TopicServiceSubscribeProcedure, func(t *testing.T) {
			_, err := g.topics.Subscribe(ctx, connect.NewRequest(&heraldv1.SubscribeRequest{Topic: acmeTopic, RecipientIds: []string{"alice"}}))
			notFound(t, err) // no recipient alice here
		}},
		{heraldv1connect.TopicServiceUnsubscribeProcedure, func(t *testing.T) {
			resp, err := g.topics.Unsubscribe(ctx, connect.NewRequest(&heraldv1.UnsubscribeRequest{Topic: acmeTopic, RecipientIds: []string{"alice"}}))
			require.NoError(t, err)
			require.Zero(t, resp.Msg.GetRemoved())
		}},
		{heraldv1connect.SuppressionServiceDeleteSuppressionProcedure, func(t *testing.T) {
			_, err := g.suppressions.DeleteSuppression(ctx, connect.NewRequest(&heraldv1.DeleteSuppressionRequest{
				Channel: heraldv1.Channel_CHANNEL_EMAIL, Address: acmeEmail}))
			notFound(t, err, acmeEmail)
			acmeListed(t)
		}},
		{heraldv1connect.SuppressionServiceAddSuppressionProcedure, func(t *testing.T) {
			// Globex's own entry for the same address, and a complaint,
			// which would replace a bounce: acme's stays a bounce.
			_, err := g.suppressions.AddSuppression(ctx, connect.NewRequest(&heraldv1.AddSuppressionRequest{
				Channel: heraldv1.Channel_CHANNEL_EMAIL, Address: acmeEmail, Reason: "complained"}))
			require.NoError(t, err)
			acmeListed(t)
		}},
		{heraldv1connect.EngagementServiceReportPushOpenProcedure, func(t *testing.T) {
			_, err := g.engagement.ReportPushOpen(ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: a.deliveryID}))
			notFound(t, err, a.deliveryID)
			withToken := heraldv1connect.NewEngagementServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(tok.Msg.GetToken())))
			_, err = withToken.ReportPushOpen(ctx, connect.NewRequest(&heraldv1.ReportPushOpenRequest{DeliveryId: a.deliveryID}))
			notFound(t, err, a.deliveryID)
		}},
		{heraldv1connect.InboxServiceReportClickProcedure, func(t *testing.T) {
			_, err := globexInbox.ReportClick(ctx, connect.NewRequest(&heraldv1.ReportClickRequest{ItemId: a.inboxItemID}))
			notFound(t, err, a.inboxItemID)
		}},
		{heraldv1connect.WebhookEndpointServiceDeleteWebhookEndpointProcedure, func(t *testing.T) {
			_, err := g.endpoints.DeleteWebhookEndpoint(ctx, connect.NewRequest(&heraldv1.DeleteWebhookEndpointRequest{Id: a.endpointID}))
			notFound(t, err, a.endpointID)
			list, err := acme.endpoints.ListWebhookEndpoints(ctx, connect.NewRequest(&heraldv1.ListWebhookEndpointsRequest{}))
			require.NoError(t, err)
			require.Len(t, list.Msg.GetEndpoints(), 1, "acme's endpoint is still there")
		}},
		{heraldv1connect.RecipientServiceDeleteRecipientProcedure, func(t *testing.T) {
			// Deleting a recipient that does not exist here succeeds and
			// does nothing.
			_, err := g.recipients.DeleteRecipient(ctx, connect.NewRequest(&heraldv1.DeleteRecipientRequest{RecipientId: "alice"}))
			require.NoError(t, err)
		}},
		{heraldv1connect.MessageTypeServiceUpsertMessageTypeProcedure, func(t *testing.T) {
			resp, err := g.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
				Key: "secret.type", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP},
				Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "globex's own", Body: "globex's own"}}}}))
			require.NoError(t, err)
			require.EqualValues(t, 1, resp.Msg.GetMessageType().GetVersion(), "a type of globex's own, not a new version of acme's")
			noLeak(t, resp.Msg)
		}},
		{heraldv1connect.RecipientServiceUpsertRecipientProcedure, func(t *testing.T) {
			resp, err := g.recipients.UpsertRecipient(ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
				Recipient: &heraldv1.Recipient{Id: "alice", Email: "alice@globex.example"}}))
			require.NoError(t, err)
			noLeak(t, resp.Msg)
			// Now that globex has an alice of its own, acme's data still
			// does not show through her.
			prefs, err := g.preferences.GetPreferences(ctx, connect.NewRequest(&heraldv1.GetPreferencesRequest{RecipientId: "alice"}))
			require.NoError(t, err)
			require.Empty(t, prefs.Msg.GetPreferences().GetRules())
			noLeak(t, prefs.Msg)
			subs, err := g.topics.ListSubscriptions(ctx, connect.NewRequest(&heraldv1.ListSubscriptionsRequest{RecipientId: "alice"}))
			require.NoError(t, err)
			require.Empty(t, subs.Msg.GetTopics())
			list, err := g.notifications.ListNotifications(ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{RecipientId: "alice"}))
			require.NoError(t, err)
			noLeak(t, list.Msg)
		}},
	}

	// Every RPC of every herald.v1 service has an entry, and each entry is
	// an RPC.
	var procedures []string
	protoregistry.GlobalFiles.RangeFilesByPackage("herald.v1", func(f protoreflect.FileDescriptor) bool {
		for i := range f.Services().Len() {
			s := f.Services().Get(i)
			for j := range s.Methods().Len() {
				procedures = append(procedures, fmt.Sprintf("/%s/%s", s.FullName(), s.Methods().Get(j).Name()))
			}
		}
		return true
	})
	var covered []string
	for _, c := range checks {
		covered = append(covered, c.procedure)
	}
	require.ElementsMatch(t, procedures, covered, "every RPC needs a tenant isolation check here")

	for _, c := range checks {
		name := strings.TrimPrefix(c.procedure, "/herald.v1.")
		if !t.Run(name, c.check) {
			t.FailNow()
		}
	}

	// Globex's status webhooks carry globex's events: its bob's delivery
	// arrives, and nothing of acme's (whose second notification went out
	// while globex's endpoint was following its feed).
	require.Eventually(t, func() bool { return globexStatus.acked()["bob/sent"] >= 1 }, 15*time.Second, 20*time.Millisecond)
	for _, req := range globexStatus.received() {
		for _, s := range append(secrets, a.secondID) {
			require.NotContains(t, string(req.body), s, "globex's status webhook carries acme's events")
		}
		for _, e := range req.payload.Events {
			require.NotContains(t, []string{a.notificationID, a.digestedID, a.secondID}, e.NotificationID)
		}
	}

	// Acme's data is as acme left it.
	r, err := acme.recipients.GetRecipient(ctx, connect.NewRequest(&heraldv1.GetRecipientRequest{RecipientId: "alice"}))
	require.NoError(t, err)
	require.Equal(t, acmeEmail, r.Msg.GetRecipient().GetEmail())
	mt, err := acme.messageTypes.GetMessageType(ctx, connect.NewRequest(&heraldv1.GetMessageTypeRequest{Key: "secret.type"}))
	require.NoError(t, err)
	require.EqualValues(t, 1, mt.Msg.GetMessageType().GetVersion())
	require.Equal(t, acmeTemplate, mt.Msg.GetMessageType().GetTemplates().GetWebhook().GetBody())
	prefs, err := acme.preferences.GetPreferences(ctx, connect.NewRequest(&heraldv1.GetPreferencesRequest{RecipientId: "alice"}))
	require.NoError(t, err)
	require.True(t, proto.Equal(acmePrefs.GetRules()[0], prefs.Msg.GetPreferences().GetRules()[0]))
	require.Equal(t, heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, prefs.Msg.GetPreferences().GetDigest().GetCadence())
	defaults, err := acme.preferences.GetDefaultPreferences(ctx, connect.NewRequest(&heraldv1.GetDefaultPreferencesRequest{}))
	require.NoError(t, err)
	require.Equal(t, "acme-defaults", defaults.Msg.GetPreferences().GetRules()[0].GetCategory())
	dg, err := acme.digests.GetDigest(ctx, connect.NewRequest(&heraldv1.GetDigestRequest{RecipientId: "alice", MessageType: "secret.digest"}))
	require.NoError(t, err)
	require.Len(t, dg.Msg.GetItems(), 1, "acme's digest item is still pending")
	subs, err := acme.topics.ListSubscribers(ctx, connect.NewRequest(&heraldv1.ListSubscribersRequest{Topic: acmeTopic}))
	require.NoError(t, err)
	require.Equal(t, []string{"alice"}, subs.Msg.GetRecipientIds())
	require.EqualValues(t, 2, unread(t), "acme's two items are unread")
	list, err := acme.notifications.ListNotifications(ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetNotifications(), 3, "acme sees its three notifications and none of globex's")
}

// TestInboxTokensAreBoundToTheirTenant: a token naming one tenant but
// signed with another tenant's secret, or altered, is refused.
func TestInboxTokensAreBoundToTheirTenant(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.inApp(t, "alice")
	other, err := b.app.Store().CreateTenant(b.ctx, "globex")
	require.NoError(t, err)
	exp := time.Now().Add(time.Hour)
	// Globex knows its own secret, and acme's tenant id from a token it
	// saw: it signs a token naming acme's alice.
	forged, err := server.MintInboxToken(&store.Tenant{ID: b.tenant.ID, SigningSecret: other.SigningSecret}, "alice", exp)
	require.NoError(t, err)
	good := b.inboxToken(t, "alice", time.Hour)
	payload, mac, _ := strings.Cut(strings.TrimPrefix(good, "hit_"), ".")
	// Acme's valid MAC on another payload (bob instead of alice).
	swapped, err := server.MintInboxToken(&store.Tenant{ID: b.tenant.ID, SigningSecret: other.SigningSecret}, "bob", exp)
	require.NoError(t, err)
	swappedPayload, _, _ := strings.Cut(strings.TrimPrefix(swapped, "hit_"), ".")
	for name, tok := range map[string]string{
		"signed by another tenant": forged,
		"payload swapped":          "hit_" + swappedPayload + "." + mac,
		"mac cut short":            "hit_" + payload + "." + mac[:len(mac)-2],
		"an API key":               b.key,
	} {
		_, err := inboxClient(b.app.URL(), tok).UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
		require.Equal(t, connect.CodeUnauthenticated, connect.CodeOf(err), name)
	}
	_, err = inboxClient(b.app.URL(), good).UnreadCount(b.ctx, connect.NewRequest(&heraldv1.UnreadCountRequest{}))
	require.NoError(t, err)
	// And an inbox token is no API key.
	notifications, _, _ := clients(b.app.URL(), good)
	_, err = notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.Equal(t, connect.CodeUnauthenticated, connect.CodeOf(err))
}

func inboxIDs(items []*heraldv1.InboxItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.GetId()
	}
	return out
}
