// Package jobs holds Herald's River jobs: fan-out turns a notification into
// deliveries through the pipeline, and deliver hands one delivery to its
// provider. Each has one args struct and one worker.
package jobs

import (
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/heraldhq/herald/store"
)

// FanoutArgs runs a notification's recipients through the pipeline and
// creates their deliveries.
type FanoutArgs struct {
	NotificationID uuid.UUID `json:"notification_id"`
}

// Kind implements river.JobArgs.
func (FanoutArgs) Kind() string { return "herald.fanout" }

// FanoutInsertOpts returns how a notification's fan-out job is inserted:
// in its priority's fan-out lane, at sendAt if given.
func FanoutInsertOpts(p store.Priority, sendAt *time.Time) *river.InsertOpts {
	opts := &river.InsertOpts{Queue: FanoutQueue(p), Priority: RiverPriority(p), MaxAttempts: 25}
	if sendAt != nil {
		opts.ScheduledAt = *sendAt
	}
	return opts
}

// DeliverArgs sends one delivery through its channel's provider. Besides
// the delivery id it carries what the channel kill switch is evaluated on,
// so a held delivery costs no database work while it waits.
type DeliverArgs struct {
	DeliveryID  uuid.UUID      `json:"delivery_id"`
	TenantID    uuid.UUID      `json:"tenant_id,omitempty"`
	RecipientID string         `json:"recipient_id,omitempty"`
	MessageType string         `json:"message_type,omitempty"`
	Version     int            `json:"version,omitempty"`
	Channel     store.Channel  `json:"channel,omitempty"`
	Priority    store.Priority `json:"priority,omitempty"`
}

// Kind implements river.JobArgs.
func (DeliverArgs) Kind() string { return "herald.deliver" }

// FanoutQueue names the fan-out lane of priority p.
func FanoutQueue(p store.Priority) string { return "fanout_" + string(p) }

// DeliverQueue names the delivery lane of priority p on channel c. Every
// priority and channel has its own lane, so a bulk campaign or a hanging
// provider only ever fills its own.
func DeliverQueue(p store.Priority, c store.Channel) string { return string(p) + "_" + string(c) }

// RiverPriority maps a Herald priority to River's 1 (first) to 4.
func RiverPriority(p store.Priority) int {
	switch p {
	case store.PriorityCritical:
		return 1
	case store.PriorityHigh:
		return 2
	case store.PriorityBulk:
		return 4
	default:
		return 3
	}
}
