package app_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

func TestBigFanoutRunsInParallelChunksOnce(t *testing.T) {
	t.Parallel()
	// 25 recipients in chunks of 4: a plan and seven chunk jobs, written by
	// the fan-out lane's workers at once.
	b := setupWith(t, testConfig(t, map[string]string{"HERALD_FANOUT_CHUNK": "4", "HERALD_SHARED_FANOUT_MAX": "0"}))
	recv := newReceiver(t, b.tenant.SigningSecret)
	b.webhookType(t, "digest.ready")
	var ids []string
	for i := range 25 {
		id := fmt.Sprintf("member-%02d", i)
		b.recipient(t, id, recv.srv.URL)
		ids = append(ids, id)
	}
	// Two unknown recipients fail on their own, without failing a chunk.
	sent := b.send(t, &heraldv1.SendRequest{MessageType: "digest.ready", RecipientIds: append(slices.Clone(ids), "ghost-1", "ghost-2"),
		Data: data(t, map[string]any{"order": 1})})
	n := b.waitCompleted(t, sent.GetNotificationId())

	byStatus := map[heraldv1.DeliveryStatus][]string{}
	for _, d := range n.GetDeliveries() {
		byStatus[d.GetStatus()] = append(byStatus[d.GetStatus()], d.GetRecipientId())
	}
	slices.Sort(byStatus[heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT])
	require.Equal(t, ids, byStatus[heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT])
	require.Len(t, n.GetDeliveries(), 27, "one delivery per recipient, the unknown ones included")
	require.Len(t, recv.received(), 25, "each recipient called once")
}
