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
	"sync"
	"time"

	"buf.build/go/protovalidate"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

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
	validator protovalidate.Validator
	now       func() time.Time
	// types caches current message types by typeKey.
	types sync.Map
}

// New returns an Enqueuer.
func New() (*Enqueuer, error) {
	v, err := protovalidate.New()
	if err != nil {
		return nil, fmt.Errorf("enqueue: %w", err)
	}
	return &Enqueuer{validator: v, now: time.Now}, nil
}

// EnqueueTx validates req and, in tx, writes the tenant's notification and
// its fan-out job. With an idempotency key, a repeat of the same request
// returns the first notification (Duplicate), and a different request with
// the same key is ErrIdempotencyConflict. If EnqueueTx fails, roll tx back.
func (e *Enqueuer) EnqueueTx(ctx context.Context, tx pgx.Tx, tenantID uuid.UUID, req *heraldv1.SendRequest) (*Result, error) {
	a, err := e.prepare(tenantID, req, true)
	if err != nil {
		return nil, err
	}
	a.trace = trace.SpanContextFromContext(ctx)
	if err := e.write(ctx, tx, []*accept{a}, 0, true); err != nil {
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
	// trace is the span of the caller's request, which fan-out and
	// delivery continue (job metadata).
	trace trace.SpanContext

	n      *store.Notification
	result *Result
	err    error
}

// prepare does the work of a request that needs no database: validation
// (if validate), the request hash and the data's JSON.
func (e *Enqueuer) prepare(tenantID uuid.UUID, req *heraldv1.SendRequest, validate bool) (*accept, error) {
	if validate {
		if err := e.validator.Validate(req); err != nil {
			return nil, err
		}
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

// write writes the requests' notifications and their fan-out jobs, one
// statement for all: one job per priority for the notifications due now
// with at most shareMax recipients (when positive), one each for the
// others. Duplicates of an idempotency key resolve to the first. Each
// request's own outcome is in its result or err. Outside a transaction
// each statement commits on its own, so a request with a result is
// accepted even if write then fails; in a transaction, an error means it
// must be rolled back. With notify, the statement tells the jobs' lanes
// (see store.Queries.InsertNotifications).
func (e *Enqueuer) write(ctx context.Context, db store.DBTX, as []*accept, shareMax int, notify bool) error {
	q := store.New(db)
	// Message types come from a cache; InsertNotifications skips a request
	// whose cached version is no longer current, and that request is tried
	// again with the type read afresh (nothing of it was written).
	todo := as
	for try := 1; len(todo) > 0; try++ {
		if try > maxTypeTries {
			return fmt.Errorf("enqueue: message type %q changed %d times during one accept", todo[0].req.GetMessageType(), maxTypeTries)
		}
		var ns []*store.Notification
		for _, a := range todo {
			mt, err := e.messageType(ctx, q, a.tenantID, a.req.GetMessageType())
			if errors.Is(err, store.ErrNotFound) {
				a.err = fmt.Errorf("message_type %q: %w", a.req.GetMessageType(), ErrUnknownMessageType)
				continue
			}
			if err != nil {
				return err
			}
			a.n = e.notification(a, mt)
			ns = append(ns, a.n)
		}
		if len(ns) == 0 {
			break
		}
		ins, err := q.InsertNotifications(ctx, ns, fanoutJobs(todo, shareMax, e.now()), notify)
		if err != nil {
			return err
		}
		for _, a := range todo {
			if a.n != nil && ins[a.n.ID] {
				a.result = &Result{NotificationID: a.n.ID}
			}
		}
		if todo, err = e.resolveDuplicates(ctx, q, todo, ins); err != nil {
			return err
		}
		for _, a := range todo {
			e.types.Delete(typeKey{a.tenantID, a.req.GetMessageType()})
			a.n = nil
		}
	}
	return nil
}

// fanoutJobs returns the fan-out jobs of the requests' notifications, as
// write describes them.
func fanoutJobs(as []*accept, shareMax int, now time.Time) []store.FanoutJob {
	var (
		fanouts    []store.FanoutJob
		priorities []store.Priority
		shared     = map[store.Priority][]uuid.UUID{}
		traces     = jobs.Traces{}
	)
	for _, a := range as {
		if a.n == nil {
			continue
		}
		if a.trace.IsValid() {
			traces[a.n.ID] = a.trace
		}
		if !sharesFanout(a.n, shareMax, now) {
			fanouts = append(fanouts, jobs.FanoutJob(a.n, jobs.TraceMetadata(traces, a.n.ID)))
			continue
		}
		if _, ok := shared[a.n.Priority]; !ok {
			priorities = append(priorities, a.n.Priority)
		}
		shared[a.n.Priority] = append(shared[a.n.Priority], a.n.ID)
	}
	for _, p := range priorities {
		fanouts = append(fanouts, jobs.FanoutBatchJob(p, shared[p], jobs.TraceMetadata(traces, shared[p]...)))
	}
	return fanouts
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

// maxTypeTries bounds how often one accept reads a message type that keeps
// changing under it.
const maxTypeTries = 3

// messageType returns the tenant's current message type of key, cached.
// The cache may be stale: InsertNotifications checks.
func (e *Enqueuer) messageType(ctx context.Context, q *store.Queries, tenantID uuid.UUID, key string) (*store.MessageType, error) {
	k := typeKey{tenantID, key}
	if mt, ok := e.types.Load(k); ok {
		return mt.(*store.MessageType), nil
	}
	mt, err := q.GetMessageType(ctx, tenantID, key, 0)
	if err != nil {
		return nil, err
	}
	e.types.Store(k, mt)
	return mt, nil
}

// resolveDuplicates answers the requests whose idempotency key was taken:
// the same request again is a duplicate of the first, another is a
// conflict. It returns the requests neither inserted nor duplicates: their
// message type version was stale.
func (e *Enqueuer) resolveDuplicates(ctx context.Context, q *store.Queries, as []*accept, inserted map[uuid.UUID]bool) ([]*accept, error) {
	var stale []*accept
	keys := map[uuid.UUID][]string{}
	for _, a := range as {
		switch {
		case a.n == nil || inserted[a.n.ID]:
		case a.n.IdempotencyKey == "":
			stale = append(stale, a)
		default:
			keys[a.tenantID] = append(keys[a.tenantID], a.n.IdempotencyKey)
		}
	}
	for tenant, ks := range keys {
		firsts, err := q.GetNotificationsByIdempotencyKeys(ctx, tenant, ks)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			if a.n == nil || inserted[a.n.ID] || a.tenantID != tenant || a.n.IdempotencyKey == "" {
				continue
			}
			first := firsts[a.n.IdempotencyKey]
			switch {
			case first == nil:
				stale = append(stale, a)
				continue
			case string(first.RequestHash) != string(a.hash):
				a.err = fmt.Errorf("idempotency_key %q: %w (notification %s)", a.n.IdempotencyKey, ErrIdempotencyConflict, first.ID)
			default:
				a.result = &Result{NotificationID: first.ID, Duplicate: true}
			}
			a.n = nil
		}
	}
	return stale, nil
}

// RequestHash identifies a request for idempotency: every field but the key
// itself, deterministically encoded.
func RequestHash(req *heraldv1.SendRequest) ([]byte, error) {
	// A shallow copy without the key: the fields' values are shared, not
	// cloned, which spares a deep copy of the data on every Send.
	c := &heraldv1.SendRequest{}
	dst, src := c.ProtoReflect(), req.ProtoReflect()
	src.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd != idempotencyKeyField {
			dst.Set(fd, v)
		}
		return true
	})
	dst.SetUnknown(src.GetUnknown())
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("enqueue: hash request: %w", err)
	}
	h := sha256.Sum256(b)
	return h[:], nil
}

var idempotencyKeyField = (&heraldv1.SendRequest{}).ProtoReflect().Descriptor().Fields().ByName("idempotency_key")

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
	enq, err := New()
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
