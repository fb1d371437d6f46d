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
	a, err := e.prepare(tenantID, req)
	if err != nil {
		return nil, err
	}
	if err := e.acceptTx(ctx, tx, []*accept{a}, 0); err != nil {
		return nil, err
	}
	return a.result, a.err
}

// accept is one request on its way into a transaction, and what became of
// it.
type accept struct {
	tenantID uuid.UUID
	req      *heraldv1.SendRequest
	hash     []byte
	data     []byte

	n      *store.Notification
	result *Result
	err    error
}

// prepare does the work of a request that needs no database: validation,
// the request hash and the data's JSON.
func (e *Enqueuer) prepare(tenantID uuid.UUID, req *heraldv1.SendRequest) (*accept, error) {
	if err := e.validator.Validate(req); err != nil {
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
	return &accept{tenantID: tenantID, req: req, hash: hash, data: data}, nil
}

// acceptTx writes the requests' notifications in tx, one statement for all,
// duplicates of an idempotency key resolved to the first, and their fan-out
// jobs: one per priority for the notifications due now with at most
// shareMax recipients (when positive), one each for the others. Each
// request's own outcome is in its result or err; the returned error means
// the transaction must be rolled back.
func (e *Enqueuer) acceptTx(ctx context.Context, tx pgx.Tx, as []*accept, shareMax int) error {
	q := store.New(tx)
	types := map[typeKey]*store.MessageType{}
	var ns []*store.Notification
	for _, a := range as {
		k := typeKey{a.tenantID, a.req.GetMessageType()}
		mt, ok := types[k]
		if !ok {
			var err error
			mt, err = q.GetMessageType(ctx, a.tenantID, k.key, 0)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
			types[k] = mt
		}
		if mt == nil {
			a.err = fmt.Errorf("message_type %q: %w", k.key, ErrUnknownMessageType)
			continue
		}
		a.n = e.notification(a, mt)
		ns = append(ns, a.n)
	}
	if len(ns) == 0 {
		return nil
	}
	inserted, err := q.InsertNotifications(ctx, ns)
	if err != nil {
		return err
	}
	if err := e.resolveDuplicates(ctx, q, as, inserted); err != nil {
		return err
	}

	var (
		fanouts []river.InsertManyParams
		shared  = map[store.Priority][]uuid.UUID{}
	)
	now := e.now()
	for _, a := range as {
		if a.n == nil || !inserted[a.n.ID] {
			continue
		}
		a.result = &Result{NotificationID: a.n.ID}
		if sharesFanout(a.n, shareMax, now) {
			shared[a.n.Priority] = append(shared[a.n.Priority], a.n.ID)
			continue
		}
		fanouts = append(fanouts, river.InsertManyParams{Args: jobs.FanoutArgs{NotificationID: a.n.ID}, InsertOpts: jobs.FanoutInsertOpts(a.n.Priority, a.n.SendAt)})
	}
	for p, ids := range shared {
		fanouts = append(fanouts, river.InsertManyParams{Args: jobs.FanoutBatchArgs{NotificationIDs: ids}, InsertOpts: jobs.FanoutInsertOpts(p, nil)})
	}
	if len(fanouts) > 0 {
		if _, err := e.river.InsertManyTx(ctx, tx, fanouts); err != nil {
			return fmt.Errorf("enqueue: insert jobs: %w", err)
		}
	}
	return nil
}

// sharesFanout reports whether n shares a fan-out job: a short recipient
// list (a topic's size is unknown until its fan-out), due now.
func sharesFanout(n *store.Notification, max int, now time.Time) bool {
	return n.Topic == "" && len(n.RecipientIDs) <= max && (n.SendAt == nil || !n.SendAt.After(now))
}

type typeKey struct {
	tenant uuid.UUID
	key    string
}

// notification is the row a request of message type mt becomes.
func (e *Enqueuer) notification(a *accept, mt *store.MessageType) *store.Notification {
	priority := mt.Priority
	if p := wire.PriorityFromProto(a.req.GetPriority()); p != "" {
		priority = p
	}
	n := &store.Notification{
		ID: uuid.Must(uuid.NewV7()), TenantID: a.tenantID, MessageType: mt.Key, MessageTypeVersion: mt.Version,
		Priority: priority, RecipientIDs: a.req.GetRecipientIds(), Data: a.data, IdempotencyKey: a.req.GetIdempotencyKey(),
		RequestHash: a.hash, Status: store.NotificationAccepted, DedupeKey: a.req.GetDedupeKey(), Topic: a.req.GetTopic(),
	}
	if a.req.GetSendAt() != nil {
		t := a.req.GetSendAt().AsTime()
		n.SendAt = &t
		if t.After(e.now()) {
			n.Status = store.NotificationScheduled
		}
	}
	return n
}

// resolveDuplicates answers the requests whose idempotency key was taken:
// the same request again is a duplicate of the first, another is a
// conflict.
func (e *Enqueuer) resolveDuplicates(ctx context.Context, q *store.Queries, as []*accept, inserted map[uuid.UUID]bool) error {
	keys := map[uuid.UUID][]string{}
	for _, a := range as {
		if a.n != nil && !inserted[a.n.ID] {
			keys[a.tenantID] = append(keys[a.tenantID], a.n.IdempotencyKey)
		}
	}
	for tenant, ks := range keys {
		firsts, err := q.GetNotificationsByIdempotencyKeys(ctx, tenant, ks)
		if err != nil {
			return err
		}
		for _, a := range as {
			if a.n == nil || inserted[a.n.ID] || a.tenantID != tenant {
				continue
			}
			first := firsts[a.n.IdempotencyKey]
			switch {
			case first == nil:
				return fmt.Errorf("enqueue: idempotency key %q neither inserted nor found", a.n.IdempotencyKey)
			case string(first.RequestHash) != string(a.hash):
				a.err = fmt.Errorf("idempotency_key %q: %w (notification %s)", a.n.IdempotencyKey, ErrIdempotencyConflict, first.ID)
			default:
				a.result = &Result{NotificationID: first.ID, Duplicate: true}
			}
			a.n = nil
		}
	}
	return nil
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
