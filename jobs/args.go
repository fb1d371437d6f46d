// Package jobs holds Herald's River jobs: fan-out turns a notification into
// deliveries through the pipeline, and deliver hands one delivery to its
// provider. Each has one args struct and one worker.
package jobs

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
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

// FanoutBatchArgs fans out small notifications accepted in one
// transaction, together: one job and one transaction for all of them.
type FanoutBatchArgs struct {
	NotificationIDs []uuid.UUID `json:"notification_ids"`
}

// Kind implements river.JobArgs.
func (FanoutBatchArgs) Kind() string { return "herald.fanout_batch" }

// FanoutChunkArgs is one chunk of a big fan-out: recipient ids [From, To)
// of the notification's list, or the topic subscribers with ids in
// (After, Through] (after After when Through is empty).
type FanoutChunkArgs struct {
	NotificationID uuid.UUID `json:"notification_id"`
	TenantID       uuid.UUID `json:"tenant_id"`
	From           int       `json:"from,omitempty"`
	To             int       `json:"to,omitempty"`
	After          string    `json:"after,omitempty"`
	Through        string    `json:"through,omitempty"`
}

// Kind implements river.JobArgs.
func (FanoutChunkArgs) Kind() string { return "herald.fanout_chunk" }

// recipients reads the chunk's recipient ids: a topic's subscribers as of
// now.
func (c FanoutChunkArgs) recipients(ctx context.Context, q *store.Queries, n *store.Notification) ([]string, error) {
	if n.Topic != "" {
		return q.TopicRange(ctx, n.TenantID, n.Topic, c.After, c.Through)
	}
	return n.RecipientIDs[min(c.From, len(n.RecipientIDs)):min(c.To, len(n.RecipientIDs))], nil
}

// FanoutInsertOpts returns how a notification's fan-out job is inserted:
// in its priority's fan-out lane, at sendAt if given.
func FanoutInsertOpts(p store.Priority, sendAt *time.Time) *river.InsertOpts {
	opts := &river.InsertOpts{Queue: FanoutQueue(p), Priority: RiverPriority(p), MaxAttempts: 25}
	if sendAt != nil {
		opts.ScheduledAt = *sendAt
	}
	return opts
}

// FanoutJob returns notification n's own fan-out job, as FanoutInsertOpts
// places it, for store.InsertNotifications to write with n.
func FanoutJob(n *store.Notification, metadata []byte) store.FanoutJob {
	opts := FanoutInsertOpts(n.Priority, n.SendAt)
	return store.FanoutJob{Kind: FanoutArgs{}.Kind(), Queue: opts.Queue, Priority: int16(opts.Priority), MaxAttempts: int16(opts.MaxAttempts),
		ScheduledAt: n.SendAt, Metadata: metadata, Arg: "notification_id", NotificationIDs: []uuid.UUID{n.ID}}
}

// FanoutBatchJob returns the fan-out job that notifications ids, due now
// and of priority p, share, for store.InsertNotifications to write with
// them.
func FanoutBatchJob(p store.Priority, ids []uuid.UUID, metadata []byte) store.FanoutJob {
	opts := FanoutInsertOpts(p, nil)
	return store.FanoutJob{Kind: FanoutBatchArgs{}.Kind(), Queue: opts.Queue, Priority: int16(opts.Priority), MaxAttempts: int16(opts.MaxAttempts),
		Metadata: metadata, Arg: "notification_ids", Many: true, NotificationIDs: ids}
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

// copyJobsMin is the fewest jobs worth River's COPY insert: COPY costs two
// round trips to a multi-row INSERT's one, and pays off only on many rows.
const copyJobsMin = 32

// InsertManyTx inserts jobs that carry no unique options in tx: with
// River's COPY path when there are many, else with one INSERT.
func InsertManyTx(ctx context.Context, client *river.Client[pgx.Tx], tx pgx.Tx, jobs []river.InsertManyParams) error {
	var err error
	if len(jobs) >= copyJobsMin {
		_, err = client.InsertManyFastTx(ctx, tx, jobs)
	} else {
		_, err = client.InsertManyTx(ctx, tx, jobs)
	}
	return err
}
