package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Suppression is an address on a tenant's suppression list: Herald sends
// nothing more to it on its channel.
type Suppression struct {
	TenantID uuid.UUID
	// Channel is ChannelEmail or ChannelSMS.
	Channel Channel
	Address string
	// Reason is ReasonBounced or ReasonComplained.
	Reason string
	// DeliveryID is the delivery whose receipt listed the address; nil when
	// added by hand.
	DeliveryID *uuid.UUID
	Provider   string
	Details    map[string]any
	CreatedAt  time.Time
}

// SuppressionKey names a listed address.
type SuppressionKey struct {
	Channel Channel
	Address string
}

// NormalizeAddress returns address as the suppression list keeps it:
// email addresses in lower case, both trimmed.
func NormalizeAddress(c Channel, address string) string {
	address = strings.TrimSpace(address)
	if c == ChannelEmail {
		return strings.ToLower(address)
	}
	return address
}

const suppressionColumns = `tenant_id, channel, address, reason, delivery_id, provider, details, created_at`

// AddSuppression lists s.Address (normalized) on its channel and returns
// the entry, and whether s made it. An address already listed keeps its
// entry, unless s is a complaint and the entry is not: a spam report
// outranks a bounce.
func (q *Queries) AddSuppression(ctx context.Context, s *Suppression) (*Suppression, bool, error) {
	details, err := marshalDetails(s.Details)
	if err != nil {
		return nil, false, fmt.Errorf("store: add suppression: %w", err)
	}
	entry, err := scanSuppression(q.db.QueryRow(ctx, `
		INSERT INTO suppressions (tenant_id, channel, address, reason, delivery_id, provider, details)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (tenant_id, channel, address) DO UPDATE SET
			reason = excluded.reason, delivery_id = excluded.delivery_id, provider = excluded.provider,
			details = excluded.details, created_at = now()
			WHERE excluded.reason = 'complained' AND suppressions.reason <> 'complained'
		RETURNING `+suppressionColumns,
		s.TenantID, s.Channel, NormalizeAddress(s.Channel, s.Address), s.Reason, s.DeliveryID, s.Provider, details))
	if err == nil {
		return entry, true, nil
	}
	if !isNotFound(err) {
		return nil, false, fmt.Errorf("store: add suppression: %w", err)
	}
	// The upsert kept the existing entry and returned nothing.
	entry, err = q.GetSuppression(ctx, s.TenantID, s.Channel, s.Address)
	return entry, false, err
}

func scanSuppression(row pgx.Row) (*Suppression, error) {
	var (
		s       Suppression
		details []byte
	)
	if err := row.Scan(&s.TenantID, &s.Channel, &s.Address, &s.Reason, &s.DeliveryID, &s.Provider, &details, &s.CreatedAt); err != nil {
		return nil, notFound(err, "suppression")
	}
	if details != nil {
		if err := json.Unmarshal(details, &s.Details); err != nil {
			return nil, fmt.Errorf("store: suppression details: %w", err)
		}
	}
	return &s, nil
}

// GetSuppression returns the tenant's entry for address on channel.
func (q *Queries) GetSuppression(ctx context.Context, tenantID uuid.UUID, c Channel, address string) (*Suppression, error) {
	return scanSuppression(q.db.QueryRow(ctx, `SELECT `+suppressionColumns+` FROM suppressions
		WHERE tenant_id = $1 AND channel = $2 AND address = $3`, tenantID, c, NormalizeAddress(c, address)))
}

// DeleteSuppression takes address off the tenant's list for channel.
// ErrNotFound means it was not listed.
func (q *Queries) DeleteSuppression(ctx context.Context, tenantID uuid.UUID, c Channel, address string) error {
	tag, err := q.db.Exec(ctx, `DELETE FROM suppressions WHERE tenant_id = $1 AND channel = $2 AND address = $3`,
		tenantID, c, NormalizeAddress(c, address))
	if err != nil {
		return fmt.Errorf("store: delete suppression: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("suppression: %w", ErrNotFound)
	}
	return nil
}

// ListSuppressionsParams select and page a tenant's suppression list,
// newest first. After* is the last entry of the previous page.
type ListSuppressionsParams struct {
	TenantID     uuid.UUID
	Channel      Channel // "" for every channel
	Address      string  // "" for every address
	AfterTime    time.Time
	AfterChannel Channel
	AfterAddress string
	Limit        int
}

// ListSuppressions returns a page of the tenant's suppression list.
func (q *Queries) ListSuppressions(ctx context.Context, p ListSuppressionsParams) ([]*Suppression, error) {
	var after any
	if !p.AfterTime.IsZero() {
		after = p.AfterTime
	}
	address := ""
	if p.Address != "" {
		address = strings.TrimSpace(p.Address)
	}
	rows, err := q.db.Query(ctx, `SELECT `+suppressionColumns+` FROM suppressions
		WHERE tenant_id = $1 AND ($2 = '' OR channel = $2)
			AND ($3 = '' OR address = CASE WHEN channel = 'email' THEN lower($3) ELSE $3 END)
			AND ($4::timestamptz IS NULL OR (created_at, channel, address) < ($4, $5, $6))
		ORDER BY created_at DESC, channel DESC, address DESC
		LIMIT $7`, p.TenantID, p.Channel, address, after, p.AfterChannel, p.AfterAddress, p.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: list suppressions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Suppression, error) { return scanSuppression(r) })
	if err != nil {
		return nil, fmt.Errorf("store: list suppressions: %w", err)
	}
	return out, nil
}

// SuppressedAmong returns the entries of the tenant's list among keys
// (addresses normalized by the caller or not), keyed by the normalized key.
func (q *Queries) SuppressedAmong(ctx context.Context, tenantID uuid.UUID, keys []SuppressionKey) (map[SuppressionKey]*Suppression, error) {
	out := map[SuppressionKey]*Suppression{}
	if len(keys) == 0 {
		return out, nil
	}
	channels, addresses := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		channels[i], addresses[i] = string(k.Channel), NormalizeAddress(k.Channel, k.Address)
	}
	rows, err := q.db.Query(ctx, `SELECT `+suppressionColumns+` FROM unnest($2::text[], $3::text[]) AS want(c, a)
		JOIN suppressions ON tenant_id = $1 AND channel = want.c AND address = want.a`, tenantID, channels, addresses)
	if err != nil {
		return nil, fmt.Errorf("store: suppressed among: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Suppression, error) { return scanSuppression(r) })
	if err != nil {
		return nil, fmt.Errorf("store: suppressed among: %w", err)
	}
	for _, s := range list {
		out[SuppressionKey{Channel: s.Channel, Address: s.Address}] = s
	}
	return out, nil
}
