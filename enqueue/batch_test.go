package enqueue_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

type batchBundle struct {
	ctx     context.Context
	st      *store.Store
	tenant  *store.Tenant
	batcher *enqueue.Batcher
}

func setup(t *testing.T) *batchBundle {
	t.Helper()
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(t))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(t, err)
	_, err = store.New(st.Pool()).UpsertMessageType(ctx, tenant.ID, "welcome", store.MessageTypeSpec{
		Priority: store.PriorityNormal, Channels: []store.Channel{store.ChannelWebhook},
		Templates: store.Templates{Webhook: &store.WebhookTemplate{Body: "hi"}}})
	require.NoError(t, err)
	enq, err := enqueue.New()
	require.NoError(t, err)
	b := enqueue.NewBatcher(enq, st, nil)
	b.Start()
	t.Cleanup(b.Stop)
	return &batchBundle{ctx: ctx, st: st, tenant: tenant, batcher: b}
}

// fanoutIDs returns the notification ids each fan-out job names, by kind.
func fanoutIDs(t *testing.T, bb *batchBundle) map[string][]uuid.UUID {
	t.Helper()
	got := map[string][]uuid.UUID{}
	rows, err := bb.st.Pool().Query(bb.ctx, `SELECT kind, args FROM river_job WHERE kind LIKE 'herald.fanout%'`)
	require.NoError(t, err)
	for rows.Next() {
		var (
			kind string
			args struct {
				One  uuid.UUID   `json:"notification_id"`
				Many []uuid.UUID `json:"notification_ids"`
			}
			raw []byte
		)
		require.NoError(t, rows.Scan(&kind, &raw))
		require.NoError(t, json.Unmarshal(raw, &args))
		if args.One != uuid.Nil {
			args.Many = append(args.Many, args.One)
		}
		got[kind] = append(got[kind], args.Many...)
	}
	require.NoError(t, rows.Err())
	return got
}

func TestBatcherAcceptsConcurrentSendsOnce(t *testing.T) {
	t.Parallel()
	bb := setup(t)
	conn, err := bb.st.Pool().Acquire(bb.ctx)
	require.NoError(t, err)
	defer conn.Release()
	_, err = conn.Exec(bb.ctx, `LISTEN "public.river_insert"`)
	require.NoError(t, err)

	later := timestamppb.New(time.Now().Add(time.Hour))
	reqs := []*heraldv1.SendRequest{
		{MessageType: "nope", RecipientIds: []string{"u0"}},
		{MessageType: "welcome", RecipientIds: []string{"u1"}, IdempotencyKey: "k", SendAt: later},
		{MessageType: "welcome", RecipientIds: []string{"u9"}, IdempotencyKey: "k"}, // another request, same key
	}
	for i := range 30 {
		reqs = append(reqs, &heraldv1.SendRequest{MessageType: "welcome", RecipientIds: []string{fmt.Sprint("u", i)}})
	}
	for range 5 { // the first request again, as a client retrying
		reqs = append(reqs, &heraldv1.SendRequest{MessageType: "welcome", RecipientIds: []string{"u1"}, IdempotencyKey: "k", SendAt: later})
	}
	var (
		wg      sync.WaitGroup
		results = make([]*enqueue.Result, len(reqs))
		errs    = make([]error, len(reqs))
	)
	for i, req := range reqs {
		wg.Go(func() { results[i], errs[i] = bb.batcher.Send(bb.ctx, bb.tenant.ID, req) })
	}
	wg.Wait()

	require.ErrorIs(t, errs[0], enqueue.ErrUnknownMessageType)
	keyed := map[uuid.UUID]int{}
	created := map[uuid.UUID]bool{}
	conflicts := 0
	for i := 1; i < len(reqs); i++ {
		if reqs[i].GetIdempotencyKey() == "k" {
			if errs[i] != nil {
				require.ErrorIs(t, errs[i], enqueue.ErrIdempotencyConflict)
				conflicts++
				continue
			}
			keyed[results[i].NotificationID]++
		} else {
			require.NoError(t, errs[i])
		}
		if !results[i].Duplicate {
			require.False(t, created[results[i].NotificationID], "one notification per accepted Send")
			created[results[i].NotificationID] = true
		}
	}
	require.Len(t, keyed, 1, "one notification for the key")
	require.Contains(t, []int{1, 6}, conflicts, "the key went to one of the two requests, and the other's are conflicts")
	require.Len(t, created, 31, "30 without a key, 1 with it")

	// Every notification created has exactly one fan-out job, and the
	// scheduled one (if its request won the key) a job of its own.
	byKind := fanoutIDs(t, bb)
	jobbed := map[uuid.UUID]int{}
	for _, ids := range byKind {
		for _, id := range ids {
			jobbed[id]++
		}
	}
	require.Len(t, jobbed, len(created))
	for id := range created {
		require.Equal(t, 1, jobbed[id], "notification %s", id)
	}
	if conflicts == 1 {
		for id := range keyed {
			require.Equal(t, []uuid.UUID{id}, byKind["herald.fanout"], "the scheduled notification's own job")
		}
	}

	// The lane is woken after the commit, without waiting for its poll.
	ctx, cancel := context.WithTimeout(bb.ctx, 30*time.Second)
	defer cancel()
	n, err := conn.Conn().WaitForNotification(ctx)
	require.NoError(t, err)
	require.JSONEq(t, `{"queue": "fanout_normal"}`, n.Payload)
}
