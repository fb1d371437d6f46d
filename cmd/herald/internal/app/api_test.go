package app_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"connectrpc.com/grpcreflect"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/known/durationpb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/server"
	"github.com/heraldhq/herald/store"
)

// TestEveryRPCRequiresAuth walks every method of every service of the
// herald.v1 package in the descriptors, so a new RPC — or a new service —
// is covered the day it is added.
func TestEveryRPCRequiresAuth(t *testing.T) {
	t.Parallel()
	b := setup(t)

	var services []protoreflect.ServiceDescriptor
	protoregistry.GlobalFiles.RangeFilesByPackage("herald.v1", func(f protoreflect.FileDescriptor) bool {
		for i := range f.Services().Len() {
			services = append(services, f.Services().Get(i))
		}
		return true
	})
	var names []string
	for _, s := range services {
		names = append(names, string(s.FullName()))
	}
	require.ElementsMatch(t, server.ServiceNames, names, "every herald.v1 service is served (server.ServiceNames)")

	var procedures []string
	for _, d := range services {
		name := string(d.FullName())
		methods := d.Methods()
		for i := range methods.Len() {
			m := methods.Get(i)
			if m.IsStreamingServer() || m.IsStreamingClient() {
				procedures = append(procedures, "stream:/"+name+"/"+string(m.Name()))
				continue
			}
			procedures = append(procedures, "/"+name+"/"+string(m.Name()))
		}
	}
	require.GreaterOrEqual(t, len(procedures), 24, "every RPC of the design is covered")

	for _, proc := range procedures {
		for _, auth := range []string{"", "Bearer nope", "Basic abc", "Bearer " + b.key + "x"} {
			t.Run(fmt.Sprintf("%s %q", proc, auth), func(t *testing.T) {
				if path, ok := strings.CutPrefix(proc, "stream:"); ok {
					// Server streams: Connect's streaming protocol, empty
					// request envelope.
					req, _ := http.NewRequest(http.MethodPost, b.app.URL()+path, strings.NewReader("\x00\x00\x00\x00\x02{}"))
					req.Header.Set("Content-Type", "application/connect+json")
					if auth != "" {
						req.Header.Set("Authorization", auth)
					}
					resp, err := http.DefaultClient.Do(req)
					require.NoError(t, err)
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					require.Contains(t, string(body), `"code":"unauthenticated"`)
					return
				}
				req, _ := http.NewRequest(http.MethodPost, b.app.URL()+proc, strings.NewReader("{}"))
				req.Header.Set("Content-Type", "application/json")
				if auth != "" {
					req.Header.Set("Authorization", auth)
				}
				resp, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				require.Equal(t, http.StatusUnauthorized, resp.StatusCode, string(body))
				require.Contains(t, string(body), `"code":"unauthenticated"`)
			})
		}
	}
}

func TestRevokedKeyIsRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	key := store.NewAPIKey()
	k, err := b.app.Store().CreateAPIKey(b.ctx, b.tenant.ID, "temp", key)
	require.NoError(t, err)
	notifications, _, _ := clients(b.app.URL(), key)
	_, err = notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err)

	// The revocation reaches the server's key cache by NOTIFY, moments
	// after the commit; at the latest the cache entry expires.
	require.NoError(t, b.app.Store().RevokeAPIKey(b.ctx, b.tenant.ID, k.ID))
	require.Eventually(t, func() bool {
		_, err = notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
		return err != nil
	}, 3*time.Second, 10*time.Millisecond, "a revoked key outlived the key cache")
	require.Equal(t, connect.CodeUnauthenticated, connectCode(t, err))
	require.Contains(t, err.Error(), "revoked")
}

func TestBadInputNamesTheField(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.webhookType(t, "alert")

	cases := []struct {
		name  string
		call  func() error
		field string
	}{
		{"send without message type", func() error {
			_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{RecipientIds: []string{"u1"}}))
			return err
		}, "message_type"},
		{"send without recipients", func() error {
			_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "alert"}))
			return err
		}, "recipient_ids"},
		{"send with duplicate recipients", func() error {
			_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"a", "a"}}))
			return err
		}, "recipient_ids"},
		{"get with a malformed id", func() error {
			_, err := b.notifications.GetNotification(b.ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: "42"}))
			return err
		}, "notification_id"},
		{"recipient with a bad email", func() error {
			_, err := b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
				Recipient: &heraldv1.Recipient{Id: "u1", Email: "not-an-email"}}))
			return err
		}, "recipient.email"},
		{"recipient with a bad phone", func() error {
			_, err := b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
				Recipient: &heraldv1.Recipient{Id: "u1", Phone: "555-1234"}}))
			return err
		}, "recipient.phone"},
		{"recipient with an unknown time zone", func() error {
			_, err := b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
				Recipient: &heraldv1.Recipient{Id: "u1", Timezone: "Mars/Olympus"}}))
			return err
		}, "recipient.timezone"},
		{"message type missing a channel's template", func() error {
			_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
				MessageType: &heraldv1.MessageType{Key: "x", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_SMS},
					Templates: &heraldv1.Templates{}}}))
			return err
		}, "message_type.templates.sms"},
		{"message type with a broken template", func() error {
			_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
				MessageType: &heraldv1.MessageType{Key: "x", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP},
					Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "{{.oops", Body: "b"}}}}))
			return err
		}, "message_type.templates.inApp.title"},
		{"message type with a zero rate window", func() error {
			_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
				MessageType: &heraldv1.MessageType{Key: "x", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
					Templates: &heraldv1.Templates{}, RateLimit: &heraldv1.RateLimit{Count: 3, Per: durationpb.New(0)}}}))
			return err
		}, "message_type.rate_limit.per"},
		{"inbox token ttl too long", func() error {
			_, err := b.recipients.CreateInboxToken(b.ctx, connect.NewRequest(&heraldv1.CreateInboxTokenRequest{
				RecipientId: "u1", Ttl: durationpb.New(48 * time.Hour)}))
			return err
		}, "ttl"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
			require.Contains(t, err.Error(), tc.field)
		})
	}

	_, err := b.notifications.Send(b.ctx, connect.NewRequest(&heraldv1.SendRequest{MessageType: "nope", RecipientIds: []string{"u1"}}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
	require.Contains(t, err.Error(), "message_type")
}

func TestListNotificationsPagesAndFilters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret, http.StatusBadRequest)
	b.webhookType(t, "alert")
	b.webhookType(t, "digest")
	b.recipient(t, "u1", recv.srv.URL)
	b.recipient(t, "u2", recv.srv.URL)

	failed := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 0})})
	b.waitCompleted(t, failed.GetNotificationId())
	var ids []string
	for i := range 5 {
		r := b.send(t, &heraldv1.SendRequest{MessageType: "digest", RecipientIds: []string{"u2"}, Data: data(t, map[string]any{"order": i})})
		ids = append(ids, r.GetNotificationId())
	}
	for _, id := range ids {
		b.waitCompleted(t, id)
	}

	var seen []string
	token := ""
	for {
		resp, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{
			PageSize: 2, PageToken: token, MessageType: "digest"}))
		require.NoError(t, err)
		for _, n := range resp.Msg.GetNotifications() {
			seen = append(seen, n.GetId())
			require.Len(t, n.GetDeliveries(), 1)
			require.Empty(t, n.GetDeliveries()[0].GetEvents(), "lists leave the timeline to GetNotification")
		}
		if token = resp.Msg.GetNextPageToken(); token == "" {
			break
		}
	}
	require.Len(t, seen, 5)
	require.Equal(t, ids[4], seen[0], "newest first")

	byStatus, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{
		RecipientId: "u1", DeliveryStatus: heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED}))
	require.NoError(t, err)
	require.Len(t, byStatus.Msg.GetNotifications(), 1)
	require.Equal(t, failed.GetNotificationId(), byStatus.Msg.GetNotifications()[0].GetId())

	completed, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{
		Status: heraldv1.NotificationStatus_NOTIFICATION_STATUS_COMPLETED, RecipientId: "u2"}))
	require.NoError(t, err)
	require.Len(t, completed.Msg.GetNotifications(), 5)

	_, err = b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{PageToken: "%%%"}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
}

func TestMessageTypesAreVersionedAndPreviewed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	upsert := func(subject string) *heraldv1.MessageType {
		resp, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
			MessageType: &heraldv1.MessageType{Key: "welcome", Category: "onboarding",
				Channels:  []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_IN_APP},
				Templates: &heraldv1.Templates{Email: &heraldv1.EmailTemplate{Subject: subject, Body: "Hi {{.name}}", Html: "<b>{{.name}}</b>"}, InApp: &heraldv1.InAppTemplate{Title: "Hi", Body: "{{.name}}"}},
				Ttl:       durationpb.New(24 * time.Hour)},
		}))
		require.NoError(t, err)
		return resp.Msg.GetMessageType()
	}
	require.EqualValues(t, 1, upsert("Welcome {{.name}}").GetVersion())
	require.EqualValues(t, 1, upsert("Welcome {{.name}}").GetVersion(), "unchanged definitions keep their version")
	v2 := upsert("Welcome aboard, {{.name}}")
	require.EqualValues(t, 2, v2.GetVersion())
	require.Equal(t, 24*time.Hour, v2.GetTtl().AsDuration())

	old, err := b.messageTypes.GetMessageType(b.ctx, connect.NewRequest(&heraldv1.GetMessageTypeRequest{Key: "welcome", Version: 1}))
	require.NoError(t, err)
	require.Equal(t, "Welcome {{.name}}", old.Msg.GetMessageType().GetTemplates().GetEmail().GetSubject())

	_, err = b.recipients.UpsertRecipient(b.ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
		Recipient: &heraldv1.Recipient{Id: "ada", Email: "ada@example.com", Timezone: "Europe/London"}}))
	require.NoError(t, err)
	preview, err := b.messageTypes.PreviewMessage(b.ctx, connect.NewRequest(&heraldv1.PreviewMessageRequest{
		Source:      &heraldv1.PreviewMessageRequest_MessageTypeKey{MessageTypeKey: "welcome"},
		Data:        data(t, map[string]any{"name": "<Ada>"}),
		RecipientId: "ada",
	}))
	require.NoError(t, err)
	msgs := preview.Msg.GetMessages()
	require.Len(t, msgs, 2)
	require.Equal(t, "Welcome aboard, <Ada>", msgs[0].GetSubject())
	require.Equal(t, "<b>&lt;Ada&gt;</b>", msgs[0].GetHtml())

	_, err = b.messageTypes.PreviewMessage(b.ctx, connect.NewRequest(&heraldv1.PreviewMessageRequest{
		Source: &heraldv1.PreviewMessageRequest_MessageTypeKey{MessageTypeKey: "welcome"},
		Data:   data(t, map[string]any{"nom": "Ada"}),
	}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "templates.email.subject")

	list, err := b.messageTypes.ListMessageTypes(b.ctx, connect.NewRequest(&heraldv1.ListMessageTypesRequest{Category: "onboarding"}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetMessageTypes(), 1)
}

// The accept path caches message types; a Send after an upsert must still
// use the new version.
func TestSendUsesTheCurrentMessageTypeVersion(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.recipient(t, "u1", recv.srv.URL)
	upsert := func(body string) {
		_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
			MessageType: &heraldv1.MessageType{Key: "shipped", Category: "transactional",
				Channels:  []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
				Templates: &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: body}}},
		}))
		require.NoError(t, err)
	}
	for version, body := range []string{"first {{.order}}", "second {{.order}}", "third {{.order}}"} {
		upsert(body)
		res := b.send(t, &heraldv1.SendRequest{MessageType: "shipped", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": version})})
		n := b.waitCompleted(t, res.GetNotificationId())
		require.EqualValues(t, version+1, n.GetMessageTypeVersion())
		require.EqualValues(t, version+1, n.GetDeliveries()[0].GetMessageTypeVersion())
	}
	var bodies []string
	for _, r := range recv.received() {
		bodies = append(bodies, r.payload.Body)
	}
	require.Equal(t, []string{"first 0", "second 1", "third 2"}, bodies)
}

func TestMissingTemplateDataFailsTheDelivery(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "alert")
	b.recipient(t, "u1", recv.srv.URL)
	res := b.send(t, &heraldv1.SendRequest{MessageType: "alert", RecipientIds: []string{"u1", "ghost"}, Data: data(t, map[string]any{"other": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())
	require.Len(t, n.GetDeliveries(), 2)
	for _, d := range n.GetDeliveries() {
		switch d.GetRecipientId() {
		case "u1":
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_FAILED, d.GetStatus())
			require.Equal(t, "render_error", d.GetReason())
			require.Contains(t, d.GetLastError(), `"order"`)
			require.NotContains(t, d.GetLastError(), "<no value>")
		case "ghost":
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, d.GetStatus())
			require.Equal(t, "no_address", d.GetReason())
		}
	}
	require.Empty(t, recv.received())
}

func TestGRPCHealthReflectionAndProbes(t *testing.T) {
	t.Parallel()
	b := setup(t)

	// gRPC over h2c, the way generated gRPC clients in any language call.
	var protocols http.Protocols
	protocols.SetUnencryptedHTTP2(true)
	h2c := &http.Client{Transport: &http.Transport{Protocols: &protocols}}
	notifications := heraldv1connect.NewNotificationServiceClient(h2c, b.app.URL(), connect.WithGRPC(), connect.WithInterceptors(bearer(b.key)))
	_, err := notifications.GetNotification(b.ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: uuid.NewString()}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))
	webNotifications := heraldv1connect.NewNotificationServiceClient(http.DefaultClient, b.app.URL(), connect.WithGRPCWeb(), connect.WithInterceptors(bearer(b.key)))
	_, err = webNotifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err, "gRPC-Web on the same port")

	// gRPC health, no credentials needed.
	resp, err := http.Post(b.app.URL()+"/grpc.health.v1.Health/Check", "application/json", strings.NewReader(`{}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.JSONEq(t, `{"status":"SERVING_STATUS_SERVING"}`, string(body))

	// Reflection lists every Herald service.
	stream := grpcreflect.NewClient(h2c, b.app.URL()).NewStream(b.ctx)
	defer stream.Close()
	names, err := stream.ListServices()
	require.NoError(t, err)
	for _, s := range server.ServiceNames {
		require.Contains(t, names, protoreflect.FullName(s))
	}

	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(b.app.URL() + path)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
	}
	resp, err = http.Get(b.app.URL() + "/metrics")
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, string(body), "rpc_server_")
}
