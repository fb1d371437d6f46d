package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

// MaxDigestItems bounds the items one digest carries; more go out in a
// digest right after.
const MaxDigestItems = 500

// DigestFlushArgs sends a recipient's pending digest of one message type
// and schedules the next. A flush scheduled for an older generation of the
// digest (the recipient changed their cadence since) does nothing.
type DigestFlushArgs struct {
	TenantID    uuid.UUID `json:"tenant_id"`
	RecipientID string    `json:"recipient_id"`
	MessageType string    `json:"message_type"`
	Generation  int       `json:"generation"`
}

// Kind implements river.JobArgs.
func (DigestFlushArgs) Kind() string { return "herald.digest_flush" }

// digestQueue is the lane digests flush in: they are few and not urgent, and
// their deliveries go through the normal lanes.
const digestQueue = "digests"

// Digests schedules and flushes digests. Its methods run inside the
// caller's transaction, with the River client that inserts the jobs.
type Digests struct {
	Client *river.Client[pgx.Tx]
	// Now is the clock for callers without one of their own (the API).
	// Default time.Now.
	Now func() time.Time
}

// Time returns the current time on d's clock.
func (d Digests) Time() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// Ensure makes sure recipient r's digest of messageType has a live
// scheduled flush, scheduling one per settings if it has none. A schedule
// already in place, even overdue, is left alone: its flush is on the way.
func (d Digests) Ensure(ctx context.Context, tx pgx.Tx, tenantID uuid.UUID, r *store.Recipient, messageType string, settings store.DigestSettings, now time.Time) error {
	dg, err := store.New(tx).LockDigest(ctx, tenantID, r.ID, messageType)
	if err != nil {
		return err
	}
	if dg.NextSendAt != nil && d.alive(ctx, tx, dg.JobID) {
		return nil
	}
	next, ok := pipeline.NextDigest(now, pipeline.Location(r), settings)
	if !ok {
		next = now // back to immediate: what is pending goes now
	}
	return d.schedule(ctx, tx, dg, &next)
}

// Reschedule moves every digest of recipient r to the time settings give
// now — after a change of cadence, day, hour or time zone — in the caller's
// transaction, so no flush for the old time can also go. A digest that
// becomes immediate flushes what it holds now.
func (d Digests) Reschedule(ctx context.Context, tx pgx.Tx, tenantID uuid.UUID, r *store.Recipient, settings store.DigestSettings, now time.Time) error {
	q := store.New(tx)
	digests, err := q.LockRecipientDigests(ctx, tenantID, r.ID)
	if err != nil {
		return err
	}
	for _, dg := range digests {
		var next *time.Time
		if t, ok := pipeline.NextDigest(now, pipeline.Location(r), settings); ok {
			next = &t
		} else {
			pending, err := q.PendingDigestItems(ctx, tenantID, r.ID, dg.MessageType, 1, false)
			if err != nil {
				return err
			}
			if len(pending) > 0 {
				next = &now
			}
		}
		if sameTime(dg.NextSendAt, next) && (next == nil || d.alive(ctx, tx, dg.JobID)) {
			continue
		}
		if err := d.schedule(ctx, tx, dg, next); err != nil {
			return err
		}
	}
	return nil
}

// schedule gives dg a new generation flushing at next (nil: none), cancels
// the job of the old one and inserts the new one.
func (d Digests) schedule(ctx context.Context, tx pgx.Tx, dg *store.Digest, next *time.Time) error {
	if dg.JobID != nil {
		if _, err := d.Client.JobCancelTx(ctx, tx, *dg.JobID); err != nil && !errors.Is(err, river.ErrNotFound) {
			return fmt.Errorf("cancel digest flush: %w", err)
		}
	}
	dg.Generation++
	dg.NextSendAt, dg.JobID = next, nil
	if next != nil {
		res, err := d.Client.InsertTx(ctx, tx, DigestFlushArgs{
			TenantID: dg.TenantID, RecipientID: dg.RecipientID, MessageType: dg.MessageType, Generation: dg.Generation,
		}, &river.InsertOpts{Queue: digestQueue, ScheduledAt: *next, MaxAttempts: 25})
		if err != nil {
			return fmt.Errorf("schedule digest flush: %w", err)
		}
		dg.JobID = &res.Job.ID
	}
	return store.New(tx).SetDigestSchedule(ctx, dg)
}

// alive reports whether the job will still run.
func (d Digests) alive(ctx context.Context, tx pgx.Tx, id *int64) bool {
	if id == nil {
		return false
	}
	job, err := d.Client.JobGetTx(ctx, tx, *id)
	if err != nil {
		return false
	}
	return slices.Contains([]rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStateScheduled,
		rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStatePending}, job.State)
}

// Flush turns the pending items of a digest into one digest notification,
// fanned out like any other, and returns it (uuid.Nil and 0 when there was
// nothing to send). Items are locked, so an item arriving meanwhile goes into
// this digest or the next, never both.
func (d Digests) Flush(ctx context.Context, tx pgx.Tx, tenantID uuid.UUID, recipientID, messageType string) (uuid.UUID, int, error) {
	q := store.New(tx)
	items, err := q.PendingDigestItems(ctx, tenantID, recipientID, messageType, MaxDigestItems, true)
	if err != nil || len(items) == 0 {
		return uuid.Nil, 0, err
	}
	mt, err := q.GetMessageType(ctx, tenantID, messageType, 0)
	if err != nil {
		return uuid.Nil, 0, err
	}
	data := make([]json.RawMessage, len(items))
	for i, it := range items {
		data[i] = it.Data
	}
	raw, err := json.Marshal(map[string]any{"items": data, "count": len(items)})
	if err != nil {
		return uuid.Nil, 0, err
	}
	n := &store.Notification{
		ID: uuid.Must(uuid.NewV7()), TenantID: tenantID, MessageType: mt.Key, MessageTypeVersion: mt.Version,
		Priority: mt.Priority, RecipientIDs: []string{recipientID}, Data: raw, Status: store.NotificationAccepted, Digest: true,
	}
	if _, err := q.InsertNotification(ctx, n); err != nil {
		return uuid.Nil, 0, err
	}
	if _, err := d.Client.InsertTx(ctx, tx, FanoutArgs{NotificationID: n.ID}, FanoutInsertOpts(n.Priority, nil)); err != nil {
		return uuid.Nil, 0, fmt.Errorf("insert digest fan-out: %w", err)
	}
	if err := q.MarkDigestItemsFlushed(ctx, items, n.ID); err != nil {
		return uuid.Nil, 0, err
	}
	return n.ID, len(items), nil
}

// DigestFlushWorker sends a digest when it is due and schedules the next,
// in one transaction with the job's completion.
type DigestFlushWorker struct {
	river.WorkerDefaults[DigestFlushArgs]
	w *worker
}

// Work implements river.Worker.
func (f *DigestFlushWorker) Work(ctx context.Context, job *river.Job[DigestFlushArgs]) error {
	a := job.Args
	digests := Digests{Client: river.ClientFromContext[pgx.Tx](ctx)}
	return f.w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		dg, err := q.LockDigest(ctx, a.TenantID, a.RecipientID, a.MessageType)
		if err != nil {
			return err
		}
		if dg.Generation != a.Generation {
			return completeTx(ctx, tx, job) // rescheduled since; that flush will do it
		}
		dg.JobID = nil // this job is finishing; never cancel it
		r, err := q.GetRecipient(ctx, a.TenantID, a.RecipientID)
		if errors.Is(err, store.ErrNotFound) {
			if err := digests.schedule(ctx, tx, dg, nil); err != nil {
				return err
			}
			return completeTx(ctx, tx, job) // the recipient is gone: nothing to send to
		}
		if err != nil {
			return err
		}
		prefs, err := q.GetPreferences(ctx, a.TenantID, a.RecipientID)
		if err != nil {
			return err
		}
		now := f.w.opts.Now()
		_, count, err := digests.Flush(ctx, tx, a.TenantID, a.RecipientID, a.MessageType)
		if err != nil {
			return err
		}
		var next *time.Time
		if t, ok := pipeline.NextDigest(now, pipeline.Location(r), prefs.Digest); ok {
			next = &t
		}
		if count == MaxDigestItems {
			next = &now // more are waiting: send them in another digest now
		}
		if err := digests.schedule(ctx, tx, dg, next); err != nil {
			return err
		}
		return completeTx(ctx, tx, job)
	})
}

// DigestSweepArgs looks for digests holding items without a live flush — a
// crash between writing items and scheduling, or a lost job — and schedules
// them again. It runs periodically.
type DigestSweepArgs struct{}

// Kind implements river.JobArgs.
func (DigestSweepArgs) Kind() string { return "herald.digest_sweep" }

// digestSweepEvery is how often the sweeper runs.
const digestSweepEvery = 5 * time.Minute

// DigestSweepWorker works DigestSweepArgs.
type DigestSweepWorker struct {
	river.WorkerDefaults[DigestSweepArgs]
	w *worker
}

// Work implements river.Worker.
func (s *DigestSweepWorker) Work(ctx context.Context, _ *river.Job[DigestSweepArgs]) error {
	digests := Digests{Client: river.ClientFromContext[pgx.Tx](ctx)}
	now := s.w.opts.Now()
	lost, err := s.w.opts.Store.UnscheduledDigests(ctx, now, time.Minute, 500)
	if err != nil {
		return err
	}
	for _, dg := range lost {
		err := s.w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
			q := store.New(tx)
			r, err := q.GetRecipient(ctx, dg.TenantID, dg.RecipientID)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			prefs, err := q.GetPreferences(ctx, dg.TenantID, dg.RecipientID)
			if err != nil {
				return err
			}
			locked, err := q.LockDigest(ctx, dg.TenantID, dg.RecipientID, dg.MessageType)
			if err != nil {
				return err
			}
			if locked.NextSendAt != nil && locked.NextSendAt.Before(now) {
				return digests.schedule(ctx, tx, locked, &now) // overdue: send now
			}
			return digests.Ensure(ctx, tx, dg.TenantID, r, dg.MessageType, prefs.Digest, now)
		})
		if err != nil {
			return fmt.Errorf("sweep digest of %s/%s: %w", dg.RecipientID, dg.MessageType, err)
		}
	}
	if len(lost) > 0 {
		s.w.opts.Logger.WarnContext(ctx, "rescheduled digests that had lost their flush", "count", len(lost))
	}
	return nil
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
