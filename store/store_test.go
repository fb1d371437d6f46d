package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

type testBundle struct {
	ctx    context.Context
	st     *store.Store
	tenant *store.Tenant
}

func setup(t *testing.T) *testBundle {
	t.Helper()
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(t))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(t, err)
	return &testBundle{ctx: ctx, st: st, tenant: tenant}
}

func newNotification(tenantID uuid.UUID, key string) *store.Notification {
	return &store.Notification{
		ID: uuid.Must(uuid.NewV7()), TenantID: tenantID, MessageType: "welcome", MessageTypeVersion: 1,
		Priority: store.PriorityNormal, RecipientIDs: []string{"u1"}, Data: json.RawMessage(`{"a":1}`),
		IdempotencyKey: key, RequestHash: []byte{1}, Status: store.NotificationAccepted,
	}
}

func TestTenantsAndKeys(t *testing.T) {
	t.Parallel()
	b := setup(t)

	again, err := b.st.CreateTenant(b.ctx, "acme")
	require.NoError(t, err)
	require.Equal(t, b.tenant.ID, again.ID, "creating an existing tenant returns it")
	require.Equal(t, b.tenant.SigningSecret, again.SigningSecret)

	key := store.NewAPIKey()
	k, err := b.st.CreateAPIKey(b.ctx, b.tenant.ID, "ci", key)
	require.NoError(t, err)

	gotKey, gotTenant, err := b.st.Authenticate(b.ctx, key)
	require.NoError(t, err)
	require.Equal(t, k.ID, gotKey.ID)
	require.Equal(t, "acme", gotTenant.Name)

	_, _, err = b.st.Authenticate(b.ctx, key+"x")
	require.ErrorIs(t, err, store.ErrNotFound)

	other, err := b.st.CreateTenant(b.ctx, "other")
	require.NoError(t, err)
	_, err = b.st.CreateAPIKey(b.ctx, other.ID, "steal", key)
	require.Error(t, err, "a key cannot be attached to a second tenant")

	require.NoError(t, b.st.RevokeAPIKey(b.ctx, b.tenant.ID, k.ID))
	_, _, err = b.st.Authenticate(b.ctx, key)
	require.ErrorIs(t, err, store.ErrKeyRevoked)
}

func TestInsertNotificationIdempotencyKeyRace(t *testing.T) {
	t.Parallel()
	b := setup(t)

	const n = 20
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		inserted int
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := b.st.InsertNotification(b.ctx, newNotification(b.tenant.ID, "same-key"))
			require.NoError(t, err)
			if ok {
				mu.Lock()
				inserted++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 1, inserted)

	got, err := b.st.GetNotificationByIdempotencyKey(b.ctx, b.tenant.ID, "same-key")
	require.NoError(t, err)
	require.Equal(t, store.NotificationAccepted, got.Status)
	require.JSONEq(t, `{"a":1}`, string(got.Data))

	// Without a key, nothing is deduplicated.
	for range 2 {
		ok, err := b.st.InsertNotification(b.ctx, newNotification(b.tenant.ID, ""))
		require.NoError(t, err)
		require.True(t, ok)
	}
}

func TestDeliveriesLifecycle(t *testing.T) {
	t.Parallel()
	b := setup(t)

	n := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)

	d := &store.Delivery{
		ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: n.ID, RecipientID: "u1",
		Channel: store.ChannelWebhook, Status: store.DeliveryQueued, MessageType: "welcome", MessageTypeVersion: 1,
		Priority: store.PriorityNormal, Address: "https://example.com/hook", Content: &store.Content{Body: "hi"},
		DueAt: time.Now(),
	}
	ins, err := b.st.InsertDeliveries(b.ctx, []*store.Delivery{d})
	require.NoError(t, err)
	require.True(t, ins[d.ID])

	dup := *d
	dup.ID = uuid.Must(uuid.NewV7())
	ins, err = b.st.InsertDeliveries(b.ctx, []*store.Delivery{&dup})
	require.NoError(t, err)
	require.Empty(t, ins, "same notification, recipient and channel is not inserted twice")

	claimed, err := b.st.ClaimDelivery(b.ctx, d.ID, time.Minute)
	require.NoError(t, err)
	require.NotNil(t, claimed)
	require.Equal(t, store.DeliverySending, claimed.Status)
	require.Equal(t, "hi", claimed.Content.Body)

	again, err := b.st.ClaimDelivery(b.ctx, d.ID, time.Minute)
	require.NoError(t, err)
	require.Nil(t, again, "a held delivery cannot be claimed twice")

	canceled, err := b.st.CancelPendingDeliveries(b.ctx, n.ID)
	require.NoError(t, err)
	require.Empty(t, canceled, "an in-flight delivery is not canceled")

	require.NoError(t, b.st.UpdateDelivery(b.ctx, store.DeliveryUpdate{ID: d.ID, Status: store.DeliverySent, Provider: "webhook", Attempted: true}))
	sent, err := b.st.GetDelivery(b.ctx, d.ID)
	require.NoError(t, err)
	require.Equal(t, 1, sent.Attempts)
	require.Equal(t, store.DeliverySent, sent.Status)
	require.NoError(t, b.st.InsertEvents(b.ctx, []store.Event{
		{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: d.ID, Type: store.EventAttempt, Status: store.DeliverySending, Attempt: 1, ResponseCode: 200, Latency: 1500 * time.Microsecond},
		{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: d.ID, Type: store.EventSent, Status: store.DeliverySent, Details: map[string]any{"k": "v"}},
	}))
	events, err := b.st.ListNotificationEvents(b.ctx, n.ID)
	require.NoError(t, err)
	require.Len(t, events, 2)
	require.Equal(t, store.EventAttempt, events[0].Type)
	require.Equal(t, 1500*time.Microsecond, events[0].Latency)
	require.Equal(t, "v", events[1].Details["k"])

	require.NoError(t, b.st.FinishFanout(b.ctx, n.ID, 1, ""))
	got, err := b.st.GetNotification(b.ctx, b.tenant.ID, n.ID)
	require.NoError(t, err)
	require.Equal(t, store.NotificationCompleted, got.Status, "processing with every delivery final reads as completed")

	_, err = b.st.GetNotification(b.ctx, uuid.Must(uuid.NewV7()), n.ID)
	require.ErrorIs(t, err, store.ErrNotFound, "another tenant does not see it")
}

func TestUpsertMessageTypeVersions(t *testing.T) {
	t.Parallel()
	b := setup(t)

	spec := store.MessageTypeSpec{Priority: store.PriorityNormal, Channels: []store.Channel{store.ChannelWebhook},
		Templates: store.Templates{Webhook: &store.WebhookTemplate{Body: "v1"}}}
	upsert := func(s store.MessageTypeSpec) *store.MessageType {
		var mt *store.MessageType
		require.NoError(t, b.st.InTx(b.ctx, func(tx pgx.Tx) error {
			var err error
			mt, err = store.New(tx).UpsertMessageType(b.ctx, b.tenant.ID, "welcome", s)
			return err
		}))
		return mt
	}
	require.Equal(t, 1, upsert(spec).Version)
	require.Equal(t, 1, upsert(spec).Version, "an identical definition is not a new version")
	spec.Templates.Webhook.Body = "v2"
	require.Equal(t, 2, upsert(spec).Version)

	cur, err := b.st.GetMessageType(b.ctx, b.tenant.ID, "welcome", 0)
	require.NoError(t, err)
	require.Equal(t, 2, cur.Version)
	require.Equal(t, "v2", cur.Templates.Webhook.Body)
	old, err := b.st.GetMessageType(b.ctx, b.tenant.ID, "welcome", 1)
	require.NoError(t, err)
	require.Equal(t, "v1", old.Templates.Webhook.Body)

	list, err := b.st.ListMessageTypes(b.ctx, b.tenant.ID, "", "", 10)
	require.NoError(t, err)
	require.Len(t, list, 1)
}

// TestAPIKeysAreStoredHashed: the api_keys row holds the key's SHA-256 and
// nothing from which the key can be read back.
func TestAPIKeysAreStoredHashed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	key := store.NewAPIKey()
	_, err := b.st.CreateAPIKey(b.ctx, b.tenant.ID, "ci", key)
	require.NoError(t, err)
	var row string
	var hash []byte
	require.NoError(t, b.st.Pool().QueryRow(b.ctx, `SELECT row_to_json(k)::text, k.hash FROM api_keys k`).Scan(&row, &hash))
	want := sha256.Sum256([]byte(key))
	require.Equal(t, want[:], hash)
	secret := strings.TrimPrefix(key, "hk_")
	require.NotContains(t, row, secret)
	require.NotContains(t, row, secret[:16], "not even part of it")
	require.NotContains(t, row, hex.EncodeToString([]byte(key)))
}
