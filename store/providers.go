package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// SendSlot is when a delivery may call a rate-limited provider.
type SendSlot struct {
	At time.Time
	// Wait is how long until At on the database's clock; zero or less
	// means now.
	Wait time.Duration
}

// TakeSendSlot gives a delivery a send slot of a rate-limited provider.
// cost is the time the send uses up (the provider's interval, times the
// number of messages). A slot the delivery took on an earlier run and still
// holds is returned (and released) instead of a new one; a new slot that
// lies in the future is held for the delivery until its job comes back.
func (q *Queries) TakeSendSlot(ctx context.Context, provider string, deliveryID uuid.UUID, cost time.Duration) (SendSlot, error) {
	var (
		slot   SendSlot
		waitUS int64
	)
	err := q.db.QueryRow(ctx, `
		WITH held AS (
			DELETE FROM provider_slots WHERE delivery_id = $2 AND provider = $1 RETURNING slot_at
		), taken AS (
			INSERT INTO provider_limits AS l (provider, next_slot)
			SELECT $1, now() + $3 * interval '1 microsecond' WHERE NOT EXISTS (SELECT 1 FROM held)
			ON CONFLICT (provider) DO UPDATE SET next_slot = greatest(l.next_slot, now()) + $3 * interval '1 microsecond'
			RETURNING next_slot - $3 * interval '1 microsecond' AS slot_at
		), hold AS (
			INSERT INTO provider_slots (delivery_id, provider, slot_at)
			SELECT $2, $1, slot_at FROM taken WHERE slot_at > now()
			ON CONFLICT (delivery_id, provider) DO UPDATE SET slot_at = excluded.slot_at
		)
		SELECT slot_at, (extract(epoch FROM slot_at - now()) * 1000000)::bigint
		FROM (SELECT slot_at FROM held UNION ALL SELECT slot_at FROM taken) s`,
		provider, deliveryID, cost.Microseconds()).Scan(&slot.At, &waitUS)
	if err != nil {
		return SendSlot{}, fmt.Errorf("store: take send slot: %w", err)
	}
	slot.Wait = durationFromMicros(waitUS)
	return slot, nil
}

// RemovePushToken removes token from the recipient's push tokens and
// reports whether it was there.
func (q *Queries) RemovePushToken(ctx context.Context, tenantID uuid.UUID, recipientID, token string) (bool, error) {
	tag, err := q.db.Exec(ctx, `
		UPDATE recipients SET updated_at = now(), push_tokens = (
			SELECT coalesce(jsonb_agg(t ORDER BY i), '[]'::jsonb)
			FROM jsonb_array_elements(push_tokens) WITH ORDINALITY AS e(t, i) WHERE t->>'token' <> $3)
		WHERE tenant_id = $1 AND id = $2 AND push_tokens @> jsonb_build_array(jsonb_build_object('token', $3::text))`,
		tenantID, recipientID, token)
	if err != nil {
		return false, fmt.Errorf("store: remove push token: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

// ProviderFailures is how a delivery fared with one provider so far.
type ProviderFailures struct {
	// Transient counts its transient failures.
	Transient int
	// Fault reports that it refused our account (credentials, suspension):
	// its attempt events carry details.providerFault.
	Fault bool
}

// FailuresByProvider returns a delivery's provider failures so far, by
// provider; failover moves on from a provider that used its share.
func (q *Queries) FailuresByProvider(ctx context.Context, deliveryID uuid.UUID) (map[string]ProviderFailures, error) {
	rows, err := q.db.Query(ctx, `
		SELECT provider, count(*) FILTER (WHERE reason = 'transient'),
			coalesce(bool_or(details @> '{"providerFault": true}'), false)
		FROM delivery_events WHERE delivery_id = $1 AND type = $2 GROUP BY provider`, deliveryID, EventAttempt)
	if err != nil {
		return nil, fmt.Errorf("store: provider failures: %w", err)
	}
	defer rows.Close()
	out := map[string]ProviderFailures{}
	for rows.Next() {
		var (
			p string
			f ProviderFailures
		)
		if err := rows.Scan(&p, &f.Transient, &f.Fault); err != nil {
			return nil, fmt.Errorf("store: provider failures: %w", err)
		}
		out[p] = f
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: provider failures: %w", err)
	}
	return out, nil
}
