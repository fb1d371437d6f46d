package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// LockKeys takes transaction-scoped advisory locks on keys, in a fixed
// order so that transactions locking overlapping sets cannot deadlock on
// each other. The locks are released at commit or rollback.
func (q *Queries) LockKeys(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	// The inner query fixes the order; OFFSET 0 keeps the planner from
	// taking the locks before sorting.
	_, err := q.db.Exec(ctx, `
		SELECT pg_advisory_xact_lock(h)
		FROM (SELECT DISTINCT hashtextextended(k, 7261) AS h FROM unnest($1::text[]) AS k ORDER BY h OFFSET 0) AS s`, keys)
	if err != nil {
		return fmt.Errorf("store: lock keys: %w", err)
	}
	return nil
}

// RateWindow names one rate-limit window: a tenant's scope on a channel.
type RateWindow struct {
	TenantID uuid.UUID
	Scope    string
	Channel  Channel
}

// RateLimitTimes returns, per recipient, the latest limit times counted in
// the window (after since, future times included), oldest first: all a
// limit of that size needs to decide. Callers hold the recipients' locks
// (LockKeys) so the answer stays true until they commit.
func (q *Queries) RateLimitTimes(ctx context.Context, w RateWindow, recipientIDs []string, since time.Time, limit int) (map[string][]time.Time, error) {
	rows, err := q.db.Query(ctx, `
		SELECT r.id, l.at
		FROM unnest($4::text[]) AS r(id)
		CROSS JOIN LATERAL (
			SELECT at FROM rate_limit_log
			WHERE tenant_id = $1 AND scope = $2 AND channel = $3 AND recipient_id = r.id AND at > $5
			ORDER BY at DESC LIMIT $6
		) AS l
		ORDER BY r.id, l.at`, w.TenantID, w.Scope, w.Channel, recipientIDs, since, limit)
	if err != nil {
		return nil, fmt.Errorf("store: rate limit times: %w", err)
	}
	out := make(map[string][]time.Time)
	var (
		r  string
		at time.Time
	)
	_, err = pgx.ForEachRow(rows, []any{&r, &at}, func() error {
		out[r] = append(out[r], at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: rate limit times: %w", err)
	}
	return out, nil
}

// RateLimitEntry is one delivery counted in a window at At.
type RateLimitEntry struct {
	RecipientID string    `json:"recipient_id"`
	At          time.Time `json:"at"`
	DeliveryID  uuid.UUID `json:"delivery_id"`
}

// RecordRateLimited counts entries in the window and forgets the
// recipients' entries older than before, which no window looks at any more.
func (q *Queries) RecordRateLimited(ctx context.Context, w RateWindow, entries []RateLimitEntry, before time.Time) error {
	if len(entries) == 0 {
		return nil
	}
	records, err := json.Marshal(entries)
	if err != nil {
		return fmt.Errorf("store: record rate limit: %w", err)
	}
	recipients := make([]string, len(entries))
	for i, e := range entries {
		recipients[i] = e.RecipientID
	}
	_, err = q.db.Exec(ctx, `
		WITH old AS (
			DELETE FROM rate_limit_log USING unnest($5::text[]) AS want(rid)
			WHERE tenant_id = $1 AND scope = $2 AND channel = $3 AND recipient_id = want.rid AND at <= $6
		)
		INSERT INTO rate_limit_log (tenant_id, scope, channel, recipient_id, at, delivery_id)
		SELECT $1, $2, $3, recipient_id, at, delivery_id
		FROM jsonb_to_recordset($4::jsonb) AS r(recipient_id text, at timestamptz, delivery_id uuid)`,
		w.TenantID, w.Scope, w.Channel, records, recipients, before)
	if err != nil {
		return fmt.Errorf("store: record rate limit: %w", err)
	}
	return nil
}

// DedupeClaim asks for a dedupe key on behalf of a delivery.
type DedupeClaim struct {
	RecipientID string    `json:"recipient_id"`
	Channel     Channel   `json:"channel"`
	Key         string    `json:"dedupe_key"`
	DeliveryID  uuid.UUID `json:"delivery_id"`
	ExpiresAt   time.Time `json:"expires_at"`
}

// ClaimDedupeKeys claims each key for its delivery unless another delivery
// holds it and it has not expired at now. It returns, by claiming delivery
// id, the delivery holding the key: the claimant itself where the claim won.
// Concurrent claims of one key wait for each other, so exactly one wins.
func (q *Queries) ClaimDedupeKeys(ctx context.Context, tenantID uuid.UUID, claims []DedupeClaim, now time.Time) (map[uuid.UUID]uuid.UUID, error) {
	if len(claims) == 0 {
		return nil, nil
	}
	records, err := json.Marshal(claims)
	if err != nil {
		return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
	}
	// Sorted inserts, so overlapping claims from two transactions queue in
	// the same order instead of deadlocking. RETURNING yields the winners.
	rows, err := q.db.Query(ctx, `
		INSERT INTO dedupe_keys (tenant_id, recipient_id, channel, dedupe_key, delivery_id, expires_at)
		SELECT $1, recipient_id, channel, dedupe_key, delivery_id, expires_at
		FROM jsonb_to_recordset($2::jsonb) AS r(recipient_id text, channel text, dedupe_key text, delivery_id uuid, expires_at timestamptz)
		ORDER BY recipient_id, channel, dedupe_key
		ON CONFLICT (tenant_id, recipient_id, channel, dedupe_key) DO UPDATE
			SET delivery_id = excluded.delivery_id, expires_at = excluded.expires_at
			WHERE dedupe_keys.expires_at <= $3
		RETURNING delivery_id`, tenantID, records, now)
	if err != nil {
		return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
	}
	won, err := pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
	if err != nil {
		return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
	}
	holders := make(map[string]uuid.UUID, len(claims))
	for _, id := range won {
		holders[id.String()] = id
	}
	var lost []DedupeClaim
	for _, cl := range claims {
		if _, ok := holders[cl.DeliveryID.String()]; !ok {
			lost = append(lost, cl)
		}
	}
	if len(lost) > 0 {
		// Name the deliveries holding the keys the losers wanted.
		lostRecords, err := json.Marshal(lost)
		if err != nil {
			return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
		}
		rows, err := q.db.Query(ctx, `
			SELECT r.delivery_id, d.delivery_id
			FROM jsonb_to_recordset($2::jsonb) AS r(recipient_id text, channel text, dedupe_key text, delivery_id uuid)
			JOIN dedupe_keys d ON d.tenant_id = $1 AND d.recipient_id = r.recipient_id AND d.channel = r.channel
				AND d.dedupe_key = r.dedupe_key`, tenantID, lostRecords)
		if err != nil {
			return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
		}
		var claimant, holder uuid.UUID
		if _, err := pgx.ForEachRow(rows, []any{&claimant, &holder}, func() error {
			holders[claimant.String()] = holder
			return nil
		}); err != nil {
			return nil, fmt.Errorf("store: claim dedupe keys: %w", err)
		}
	}
	out := make(map[uuid.UUID]uuid.UUID, len(claims))
	for _, cl := range claims {
		out[cl.DeliveryID] = holders[cl.DeliveryID.String()]
	}
	return out, nil
}
