package app_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
)

func (b *testBundle) preferences() heraldv1connect.PreferenceServiceClient {
	return heraldv1connect.NewPreferenceServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key)))
}

func TestPreferencesDecideAndAreExplained(t *testing.T) {
	t.Parallel()
	b := setup(t)
	recv := newReceiver(t, b.tenant.SigningSecret)
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
		MessageType: &heraldv1.MessageType{Key: "promo", Category: "marketing",
			Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_WEBHOOK},
			Templates: &heraldv1.Templates{Email: &heraldv1.EmailTemplate{Subject: "Deal", Body: "{{.order}}"},
				Webhook: &heraldv1.WebhookTemplate{Body: "{{.order}}"}}},
	}))
	require.NoError(t, err)
	b.recipient(t, "u1", recv.srv.URL)
	prefs := b.preferences()

	_, err = prefs.UpdatePreferences(b.ctx, connect.NewRequest(&heraldv1.UpdatePreferencesRequest{RecipientId: "u1",
		Preferences: &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{
			{Category: "marketing", Channel: heraldv1.Channel_CHANNEL_EMAIL, Enabled: false},
		}, QuietHours: &heraldv1.QuietHours{}}}))
	require.NoError(t, err)
	got, err := prefs.GetPreferences(b.ctx, connect.NewRequest(&heraldv1.GetPreferencesRequest{RecipientId: "u1"}))
	require.NoError(t, err)
	require.Len(t, got.Msg.GetPreferences().GetRules(), 1)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "promo", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, res.GetNotificationId())
	for _, d := range n.GetDeliveries() {
		switch d.GetChannel() {
		case heraldv1.Channel_CHANNEL_EMAIL:
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, d.GetStatus())
			require.Equal(t, "opted_out", d.GetReason())
			require.Equal(t, []string{"queued", "suppressed"}, eventTypes(d))
			snapshot := d.GetEvents()[1].GetDetails().AsMap()
			require.Equal(t, map[string]any{"category": "marketing", "channel": "email", "enabled": false}, snapshot["rule"])
			require.Equal(t, "recipient", snapshot["source"])
		case heraldv1.Channel_CHANNEL_WEBHOOK:
			require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
		}
	}

	// Support can find it: u1's suppressed deliveries.
	list, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{
		RecipientId: "u1", DeliveryStatus: heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetNotifications(), 1)
}

func TestPreferencesValidation(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.recipient(t, "u1", "")
	prefs := b.preferences()

	_, err := prefs.GetPreferences(b.ctx, connect.NewRequest(&heraldv1.GetPreferencesRequest{RecipientId: "nobody"}))
	require.Equal(t, connect.CodeNotFound, connectCode(t, err))

	for field, p := range map[string]*heraldv1.Preferences{
		"quiet_hours":       {QuietHours: &heraldv1.QuietHours{Start: "22:00"}},
		"quiet_hours.start": {QuietHours: &heraldv1.QuietHours{Start: "25:00", End: "07:00"}},
		"rules[0]":          {Rules: []*heraldv1.PreferenceRule{{Category: "a", MessageType: "b"}}},
		"digest.weekday":    {Digest: &heraldv1.DigestSettings{Cadence: heraldv1.DigestCadence_DIGEST_CADENCE_WEEKLY, Weekday: 7}},
		"rules[0].channel":  {Rules: []*heraldv1.PreferenceRule{{Channel: 99}}},
	} {
		_, err := prefs.UpdatePreferences(b.ctx, connect.NewRequest(&heraldv1.UpdatePreferencesRequest{RecipientId: "u1", Preferences: p}))
		require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err), field)
		require.Contains(t, err.Error(), field)
	}

	_, err = prefs.UpdateDefaultPreferences(b.ctx, connect.NewRequest(&heraldv1.UpdateDefaultPreferencesRequest{
		Preferences: &heraldv1.Preferences{Digest: &heraldv1.DigestSettings{Cadence: heraldv1.DigestCadence_DIGEST_CADENCE_DAILY}}}))
	require.Equal(t, connect.CodeInvalidArgument, connectCode(t, err))
	require.Contains(t, err.Error(), "preferences.digest")

	_, err = prefs.UpdateDefaultPreferences(b.ctx, connect.NewRequest(&heraldv1.UpdateDefaultPreferencesRequest{
		Preferences: &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{{Category: "marketing", Enabled: false}}}}))
	require.NoError(t, err)
	defaults, err := prefs.GetDefaultPreferences(b.ctx, connect.NewRequest(&heraldv1.GetDefaultPreferencesRequest{}))
	require.NoError(t, err)
	require.Equal(t, "marketing", defaults.Msg.GetPreferences().GetRules()[0].GetCategory())
}

func TestMessageTypesLoadFromDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "types.yaml"), []byte(`tenant: default
messageTypes:
  - key: order.shipped
    category: transactional
    channels: [webhook, in_app]
    templates:
      webhook: {body: "Order {{.order}} shipped"}
      inApp: {title: "Shipped", body: "Order {{.order}}"}
`), 0o600))
	cfg := testConfig(t, map[string]string{"HERALD_MESSAGE_TYPES_DIR": dir, "HERALD_BOOTSTRAP_API_KEY": "bootstrap-key-for-tests"})
	b := setupWith(t, cfg)
	_, _, types := clients(b.app.URL(), "bootstrap-key-for-tests")
	mt, err := types.GetMessageType(b.ctx, connect.NewRequest(&heraldv1.GetMessageTypeRequest{Key: "order.shipped"}))
	require.NoError(t, err)
	require.EqualValues(t, 1, mt.Msg.GetMessageType().GetVersion())

	// A broken file stops the start, naming file and line.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(`messageTypes:
  - key: bad
    channels: [sms]
    templates:
      sms: {body: "{{.oops"}
`), 0o600))
	cfg.DatabaseURL = testConfig(t, nil).DatabaseURL
	_, err = app.New(b.ctx, cfg, nil)
	require.Error(t, err)
	require.Contains(t, err.Error(), "broken.yaml:5: message type bad: templates.sms.body")
}
