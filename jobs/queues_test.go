package jobs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
)

func TestQueuesSizeLanesByPattern(t *testing.T) {
	t.Parallel()
	qs := jobs.Queues(&jobs.QueueOptions{Lanes: []jobs.LaneWorkers{
		{Pattern: "critical_sms", Workers: 7}, {Pattern: "*_sms", Workers: 3}, {Pattern: "*_*", Workers: 0}, {Pattern: "fanout_*", Workers: 0},
	}})
	require.Equal(t, 7, qs[jobs.DeliverQueue(store.PriorityCritical, store.ChannelSMS)].MaxWorkers)
	require.Equal(t, 3, qs[jobs.DeliverQueue(store.PriorityBulk, store.ChannelSMS)].MaxWorkers)
	_, ok := qs[jobs.DeliverQueue(store.PriorityNormal, store.ChannelEmail)]
	require.False(t, ok, "a lane sized 0 is left to other processes")
	_, ok = qs[jobs.FanoutQueue(store.PriorityNormal)]
	require.False(t, ok)
	require.Len(t, jobs.Lanes(), 3+len(store.Priorities)*(1+len(store.Channels)), "digests, maintenance, status webhooks, and fan-out and delivery lanes")

	defaults := jobs.Queues(nil)
	require.Len(t, defaults, len(jobs.Lanes()))
	require.Equal(t, 4, defaults[jobs.DeliverQueue(store.PriorityBulk, store.ChannelWebhook)].MaxWorkers)
	require.Equal(t, 20, defaults[jobs.DeliverQueue(store.PriorityCritical, store.ChannelWebhook)].MaxWorkers)
}
