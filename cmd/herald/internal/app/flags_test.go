package app_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// flagFile is a flag file a test edits while Herald runs.
type flagFile struct {
	t    *testing.T
	path string
}

func newFlagFile(t *testing.T, flags string) *flagFile {
	f := &flagFile{t: t, path: filepath.Join(t.TempDir(), "flags.json")}
	f.set(flags)
	return f
}

func (f *flagFile) set(flags string) {
	f.t.Helper()
	require.NoError(f.t, os.WriteFile(f.path, []byte(`{"flags":{`+flags+`}}`), 0o600))
}

const (
	darkLaunchOff = `"dark-launch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off"}`
	darkLaunchOn  = `"dark-launch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off",
	  "targeting":{"if":[{"==":[{"var":"messageType"},"launch"]},"on","off"]}}`
)

// TestDarkLaunchTogglesWithoutRestart is the check: switching
// dark-launch on for a message type makes the next sends end DARK_LAUNCHED
// with zero calls at the webhook receiver; switching it off resumes real
// delivery.
func TestDarkLaunchTogglesWithoutRestart(t *testing.T) {
	t.Parallel()
	flags := newFlagFile(t, darkLaunchOff)
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_FLAGS_FILE": flags.path}))
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "launch")
	b.recipient(t, "u1", recv.srv.URL)
	send := func() *heraldv1.Delivery {
		res := b.send(t, &heraldv1.SendRequest{MessageType: "launch", RecipientIds: []string{"u1"}, Data: data(t, map[string]any{"order": 7})})
		return b.waitCompleted(t, res.GetNotificationId()).GetDeliveries()[0]
	}
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, send().GetStatus())
	require.Len(t, recv.received(), 1)

	flags.set(darkLaunchOn)
	var dark *heraldv1.Delivery
	require.Eventually(t, func() bool {
		dark = send()
		return dark.GetStatus() == heraldv1.DeliveryStatus_DELIVERY_STATUS_DARK_LAUNCHED
	}, 15*time.Second, 100*time.Millisecond, "the edit applies without a restart")
	require.Equal(t, "dark_launch", dark.GetReason())
	last := dark.GetEvents()[len(dark.GetEvents())-1]
	require.Equal(t, "dark_launched", last.GetType())
	require.Equal(t, "webhook", last.GetProvider())
	require.Equal(t, "dark-launch", last.GetDetails().AsMap()["flag"])
	require.Contains(t, eventTypes(dark), "rendered", "the whole pipeline ran")
	posts := len(recv.received())
	for range 3 {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_DARK_LAUNCHED, send().GetStatus())
	}
	require.Len(t, recv.received(), posts, "the provider sees no call while dark")

	flags.set(darkLaunchOff)
	require.Eventually(t, func() bool {
		return send().GetStatus() == heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT
	}, 15*time.Second, 100*time.Millisecond)
	require.Greater(t, len(recv.received()), posts)
}

// TestKillSwitchHoldsAndResumes: with the kill switch on for SMS,
// deliveries wait — not fail — and go out when it is switched back.
func TestKillSwitchHoldsAndResumes(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	flags := newFlagFile(t, `"kill-switch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off",
	  "targeting":{"if":[{"in":[{"var":"channel"},["sms"]]},"on","off"]}}`)
	b := f.start(t, map[string]string{"HERALD_FLAGS_FILE": flags.path, "HERALD_KILL_SWITCH_RECHECK": "200ms"}, nil)
	b.allChannelsType(t, "otp", 5, heraldv1.Channel_CHANNEL_SMS, heraldv1.Channel_CHANNEL_EMAIL)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Phone: "+14155550123", Email: "ada@example.com"})
	res := b.send(t, &heraldv1.SendRequest{MessageType: "otp", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{"order": 1})})

	var sms *heraldv1.Delivery
	require.Eventually(t, func() bool {
		n := b.get(t, res.GetNotificationId())
		sms = deliveryOn(n, heraldv1.Channel_CHANNEL_SMS)
		email := deliveryOn(n, heraldv1.Channel_CHANNEL_EMAIL)
		return sms != nil && sms.GetReason() == "kill_switch" && email.GetStatus() == heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT
	}, 10*time.Second, 20*time.Millisecond, "SMS is held while email goes")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SCHEDULED, sms.GetStatus())
	require.Len(t, eventsOf(sms, "held"), 1)
	time.Sleep(time.Second) // several rechecks while held
	require.Empty(t, f.twilio.Calls())
	require.Len(t, eventsOf(deliveryOn(b.get(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_SMS), "held"), 1,
		"a long hold is recorded once")

	flags.set(`"kill-switch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off"}`)
	n := b.waitCompleted(t, res.GetNotificationId())
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, deliveryOn(n, heraldv1.Channel_CHANNEL_SMS).GetStatus())
	require.Len(t, f.twilio.Calls(), 1)
}

// TestProviderSplitAndProviderKillSwitch: provider-split sends a share of
// email through the second provider; killing a provider fails over.
func TestProviderSplitAndProviderKillSwitch(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	flags := newFlagFile(t, `"provider-split":{"state":"ENABLED","variants":{"default":"","smtp":"smtp"},"defaultVariant":"default",
	  "targeting":{"if":[{"==":[{"var":"channel"},"email"]},{"fractional":[["smtp",30],["default",70]]},"default"]}}`)
	b := f.start(t, map[string]string{"HERALD_FLAGS_FILE": flags.path}, nil)
	b.allChannelsType(t, "news", 5, heraldv1.Channel_CHANNEL_EMAIL)
	var ids []string
	for i := range 60 {
		id := fmt.Sprint("r", i)
		ids = append(ids, id)
		b.upsert(t, &heraldv1.Recipient{Id: id, Email: id + "@example.com"})
	}
	n := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "news", RecipientIds: ids, Data: data(t, map[string]any{"order": 1})}).GetNotificationId())
	byProvider := map[string]int{}
	for _, d := range n.GetDeliveries() {
		require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
		byProvider[d.GetProvider()]++
	}
	require.Equal(t, 60, byProvider["smtp"]+byProvider["sendgrid"])
	require.InDelta(t, 18, byProvider["smtp"], 12, "about 30%% through smtp: %v", byProvider)
	require.Len(t, f.smtp.Calls(), byProvider["smtp"])

	// Kill sendgrid: everything goes through smtp, nothing is held.
	flags.set(`"kill-switch":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off",
	  "targeting":{"if":[{"==":[{"var":"provider"},"sendgrid"]},"on","off"]}}`)
	before := len(f.sendgrid.Calls())
	require.Eventually(t, func() bool {
		n := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "news", RecipientIds: []string{"r1"}, Data: data(t, map[string]any{"order": 2})}).GetNotificationId())
		return n.GetDeliveries()[0].GetProvider() == "smtp"
	}, 15*time.Second, 100*time.Millisecond)
	for i := range 5 {
		n := b.waitCompleted(t, b.send(t, &heraldv1.SendRequest{MessageType: "news", RecipientIds: []string{fmt.Sprint("r", i)}, Data: data(t, map[string]any{"order": 3})}).GetNotificationId())
		require.Equal(t, "smtp", n.GetDeliveries()[0].GetProvider())
	}
	require.Equal(t, before, len(f.sendgrid.Calls()))
}

// TestTemplateVariantsAreRecorded: the A/B flag picks the variant, which the
// delivery, ListNotifications and the metrics show.
func TestTemplateVariantsAreRecorded(t *testing.T) {
	t.Parallel()
	flags := newFlagFile(t, `"template-variant":{"state":"ENABLED","variants":{"control":"","b":"b"},"defaultVariant":"control",
	  "targeting":{"fractional":[["control",50],["b",50]]}}`)
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_FLAGS_FILE": flags.path}))
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: "promo", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_IN_APP},
		Templates: &heraldv1.Templates{InApp: &heraldv1.InAppTemplate{Title: "Control", Body: "x"}},
		Variants:  map[string]*heraldv1.Templates{"b": {InApp: &heraldv1.InAppTemplate{Title: "Variant B", Body: "x"}}},
	}}))
	require.NoError(t, err)
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprint("r", i))
		b.recipient(t, ids[i], "")
	}
	res := b.send(t, &heraldv1.SendRequest{MessageType: "promo", RecipientIds: ids})
	b.waitCompleted(t, res.GetNotificationId())
	list, err := b.notifications.ListNotifications(b.ctx, connect.NewRequest(&heraldv1.ListNotificationsRequest{}))
	require.NoError(t, err)
	variants := map[string]int{}
	for _, d := range list.Msg.GetNotifications()[0].GetDeliveries() {
		variants[d.GetVariant()]++
	}
	require.Greater(t, variants["b"], 5)
	require.Greater(t, variants[""], 5)

	resp, err := http.Get(b.app.URL() + "/metrics")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, string(body), `variant="b"`)
	require.Contains(t, string(body), `herald_flag_evaluations_total{feature_flag_key="template-variant"`)
}
