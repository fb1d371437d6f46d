package wire_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

// The conversions rely on store's lists being in enum order; this checks
// each stored name against its enum value name.
func TestEnumsLineUp(t *testing.T) {
	t.Parallel()
	for _, c := range store.Channels {
		require.Equal(t, "CHANNEL_"+strings.ToUpper(string(c)), wire.ChannelToProto(c).String())
		require.Equal(t, c, wire.ChannelFromProto(wire.ChannelToProto(c)))
	}
	for _, p := range store.Priorities {
		require.Equal(t, "PRIORITY_"+strings.ToUpper(string(p)), wire.PriorityToProto(p).String())
		require.Equal(t, p, wire.PriorityFromProto(wire.PriorityToProto(p)))
	}
	require.Len(t, store.DeliveryStatuses, len(heraldv1.DeliveryStatus_name)-1)
	for _, s := range store.DeliveryStatuses {
		require.Equal(t, "DELIVERY_STATUS_"+strings.ToUpper(string(s)), wire.DeliveryStatusToProto(s).String())
		require.Equal(t, s, wire.DeliveryStatusFromProto(wire.DeliveryStatusToProto(s)))
	}
	for _, s := range []store.NotificationStatus{store.NotificationAccepted, store.NotificationScheduled,
		store.NotificationProcessing, store.NotificationCompleted, store.NotificationCanceled} {
		require.Equal(t, "NOTIFICATION_STATUS_"+strings.ToUpper(string(s)), wire.NotificationStatusToProto(s).String())
	}
}

func TestMessageTypeRoundTrip(t *testing.T) {
	t.Parallel()
	in := &heraldv1.MessageType{
		Key: "k", Category: "marketing", Priority: heraldv1.Priority_PRIORITY_BULK,
		Channels:  []heraldv1.Channel{heraldv1.Channel_CHANNEL_PUSH},
		Templates: &heraldv1.Templates{Push: &heraldv1.PushTemplate{Title: "t", Body: "b", Link: "l"}},
		Locales:   map[string]*heraldv1.Templates{"fr": {Push: &heraldv1.PushTemplate{Title: "tf", Body: "bf"}}},
		RateLimit: &heraldv1.RateLimit{Count: 3, Per: durationProto(24 * time.Hour),
			Scope: heraldv1.RateLimitScope_RATE_LIMIT_SCOPE_CATEGORY, Action: heraldv1.RateLimitAction_RATE_LIMIT_ACTION_DELAY},
		DedupeWindow: durationProto(time.Hour), Critical: true,
		Tracking:     &heraldv1.Tracking{Clicks: true},
	}
	spec := wire.MessageTypeSpecFromProto(in)
	out := wire.MessageTypeToProto(&store.MessageType{Key: "k", MessageTypeSpec: spec})
	out.CreateTime = nil
	require.True(t, proto.Equal(in, out), "got %v", out)
}

func TestPreferencesRoundTrip(t *testing.T) {
	t.Parallel()
	mute := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	in := &store.Preferences{
		Rules:     []store.PreferenceRule{{Category: "marketing", Channel: store.ChannelEmail}, {Enabled: true}},
		MuteUntil: &mute, QuietStart: "22:00", QuietEnd: "07:00",
		Digest: store.DigestSettings{Cadence: store.DigestWeekly, Weekday: 1, Hour: 9},
	}
	require.Equal(t, in, wire.PreferencesFromProto(wire.PreferencesToProto(in)))
}

func durationProto(d time.Duration) *durationpb.Duration { return durationpb.New(d) }
