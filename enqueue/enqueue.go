// Package enqueue accepts notification requests into Herald inside a
// transaction: the notification row, its idempotency key and its fan-out job
// commit together or not at all.
//
// Herald's Send RPC uses it, and so can a Go service that shares Herald's
// database: call EnqueueTx in the transaction that records the order, and a
// rolled-back order sends nothing (a transactional outbox, as a library).
//
//	enq, err := enqueue.NewForTenant(ctx, pool, "acme")
//	...
//	tx, _ := pool.Begin(ctx)
//	// ... write the order ...
//	res, err := enq.EnqueueTx(ctx, tx, &heraldv1.SendRequest{
//		MessageType: "order-confirmed", RecipientIds: []string{userID},
//		IdempotencyKey: "order-" + orderID,
//	})
//	// ... tx.Commit(ctx) ...
package enqueue

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"buf.build/go/protovalidate"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

// Errors returned by EnqueueTx, besides validation errors.
var (
	// ErrIdempotencyConflict is returned when the idempotency key was first
	// used with a different request.
	ErrIdempotencyConflict = errors.New("enqueue: idempotency key already used with a different request")
	// ErrUnknownMessageType is returned when the tenant has no message type
	// of the requested key.
	ErrUnknownMessageType = errors.New("enqueue: unknown message type")
)

// Result is what an accepted request became.
type Result struct {
	NotificationID uuid.UUID
	// Duplicate is true when an earlier identical request with the same
	// idempotency key already created the notification.
	Duplicate bool
}

// Enqueuer writes notification requests for any tenant.
type Enqueuer struct {
	river     *river.Client[pgx.Tx]
	validator protovalidate.Validator
	now       func() time.Time
}

// New returns an Enqueuer that inserts jobs with client, which may be an
// insert-only client (no queues).
func New(client *river.Client[pgx.Tx]) (*Enqueuer, error) {
	v, err := protovalidate.New()
	if err != nil {
		return nil, fmt.Errorf("enqueue: %w", err)
	}
	return &Enqueuer{river: client, validator: v, now: time.Now}, nil
}

// EnqueueTx validates req and, in tx, writes the tenant's notification and
// its fan-out job. With an idempotency key, a repeat of the same request
// returns the first notification (Duplicate), and a different request with
// the same key is ErrIdempotencyConflict. If EnqueueTx fails, roll tx back.
func (e *Enqueuer) EnqueueTx(ctx context.Context, tx pgx.Tx, tenantID uuid.UUID, req *heraldv1.SendRequest) (*Result, error) {
	if err := e.validator.Validate(req); err != nil {
		return nil, err
	}
	q := store.New(tx)
	mt, err := q.GetMessageType(ctx, tenantID, req.GetMessageType(), 0)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("message_type %q: %w", req.GetMessageType(), ErrUnknownMessageType)
	}
	if err != nil {
		return nil, err
	}
	hash, err := RequestHash(req)
	if err != nil {
		return nil, err
	}
	data, err := protojson.Marshal(req.GetData())
	if err != nil {
		return nil, fmt.Errorf("enqueue: data: %w", err)
	}
	priority := mt.Priority
	if p := wire.PriorityFromProto(req.GetPriority()); p != "" {
		priority = p
	}
	n := &store.Notification{
		ID: uuid.Must(uuid.NewV7()), TenantID: tenantID, MessageType: mt.Key, MessageTypeVersion: mt.Version,
		Priority: priority, RecipientIDs: req.GetRecipientIds(), Data: data, IdempotencyKey: req.GetIdempotencyKey(),
		RequestHash: hash, Status: store.NotificationAccepted, DedupeKey: req.GetDedupeKey(),
	}
	if req.GetSendAt() != nil {
		t := req.GetSendAt().AsTime()
		n.SendAt = &t
		if t.After(e.now()) {
			n.Status = store.NotificationScheduled
		}
	}

	inserted, err := q.InsertNotification(ctx, n)
	if err != nil {
		return nil, err
	}
	if !inserted {
		first, err := q.GetNotificationByIdempotencyKey(ctx, tenantID, n.IdempotencyKey)
		if err != nil {
			return nil, err
		}
		if string(first.RequestHash) != string(hash) {
			return nil, fmt.Errorf("idempotency_key %q: %w (notification %s)", n.IdempotencyKey, ErrIdempotencyConflict, first.ID)
		}
		return &Result{NotificationID: first.ID, Duplicate: true}, nil
	}
	if _, err := e.river.InsertTx(ctx, tx, jobs.FanoutArgs{NotificationID: n.ID}, jobs.FanoutInsertOpts(priority, n.SendAt)); err != nil {
		return nil, fmt.Errorf("enqueue: insert job: %w", err)
	}
	return &Result{NotificationID: n.ID}, nil
}

// RequestHash identifies a request for idempotency: every field but the key
// itself, deterministically encoded.
func RequestHash(req *heraldv1.SendRequest) ([]byte, error) {
	c := proto.CloneOf(req)
	c.IdempotencyKey = ""
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("enqueue: hash request: %w", err)
	}
	h := sha256.Sum256(b)
	return h[:], nil
}

// TenantEnqueuer enqueues for one tenant; it is what a service sharing
// Herald's database uses.
type TenantEnqueuer struct {
	enq      *Enqueuer
	tenantID uuid.UUID
}

// NewForTenant returns an enqueuer for the tenant called name. pool is only
// used to look the tenant up; jobs are inserted in the caller's transaction.
func NewForTenant(ctx context.Context, pool *pgxpool.Pool, name string) (*TenantEnqueuer, error) {
	t, err := store.New(pool).GetTenantByName(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("enqueue: tenant %q: %w", name, err)
	}
	client, err := river.NewClient(riverpgxv5.New(nil), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("enqueue: %w", err)
	}
	enq, err := New(client)
	if err != nil {
		return nil, err
	}
	return &TenantEnqueuer{enq: enq, tenantID: t.ID}, nil
}

// EnqueueTx enqueues req for the tenant within tx; see Enqueuer.EnqueueTx.
func (t *TenantEnqueuer) EnqueueTx(ctx context.Context, tx pgx.Tx, req *heraldv1.SendRequest) (*heraldv1.SendResponse, error) {
	res, err := t.enq.EnqueueTx(ctx, tx, t.tenantID, req)
	if err != nil {
		return nil, err
	}
	return &heraldv1.SendResponse{NotificationId: res.NotificationID.String(), Duplicate: res.Duplicate}, nil
}
