package main

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

func TestExplainSaysWhy(t *testing.T) {
	t.Parallel()
	at := timestamppb.New(time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC))
	rule, err := structpb.NewStruct(map[string]any{"rule": map[string]any{"category": "marketing", "channel": "email", "enabled": false}, "source": "recipient"})
	require.NoError(t, err)
	n := &heraldv1.Notification{
		Id: "n1", MessageType: "promo", MessageTypeVersion: 2, Status: heraldv1.NotificationStatus_NOTIFICATION_STATUS_COMPLETED,
		Deliveries: []*heraldv1.Delivery{
			{RecipientId: "ada", Channel: heraldv1.Channel_CHANNEL_EMAIL, Status: heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, Reason: "opted_out",
				Events: []*heraldv1.DeliveryEvent{
					{Type: "queued", Time: at},
					{Type: "suppressed", Time: at, Reason: "opted_out", Message: "recipient turned this off", Details: rule},
				}},
			{RecipientId: "ada", Channel: heraldv1.Channel_CHANNEL_PUSH, Status: heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT,
				Events: []*heraldv1.DeliveryEvent{
					{Type: "attempt", Time: at, Attempt: 1, Provider: "fcm", ResponseCode: 200, Latency: durationpb.New(12 * time.Millisecond)},
				}},
			{RecipientId: "bob", Channel: heraldv1.Channel_CHANNEL_EMAIL, Status: heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT},
		},
	}
	var out strings.Builder
	require.NoError(t, explain(&out, n, "ada"))
	got := out.String()
	require.Contains(t, got, "ada on email: suppressed (opted_out)\n  because suppressed [opted_out]: recipient turned this off — rule.category=marketing, rule.channel=email, rule.enabled=false, source=recipient")
	require.Contains(t, got, "ada on push: sent\n")
	require.Contains(t, got, "attempt #1 via fcm → 200 in 12ms")
	require.NotContains(t, got, "bob")

	out.Reset()
	require.NoError(t, explain(&out, n, "carol"))
	require.Contains(t, out.String(), "carol has no delivery in this notification")
}
