package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

const recipientColumns = `tenant_id, id, email, phone, timezone, locale, webhook_url, slack_webhook_url,
	push_tokens, attributes, created_at, updated_at`

// UpsertRecipient creates r or replaces every field of the existing
// recipient, and returns the stored row.
func (q *Queries) UpsertRecipient(ctx context.Context, r *Recipient) (*Recipient, error) {
	tokens, err := json.Marshal(nonNil(r.PushTokens))
	if err != nil {
		return nil, fmt.Errorf("store: upsert recipient: %w", err)
	}
	attrs, err := json.Marshal(nonNilMap(r.Attributes))
	if err != nil {
		return nil, fmt.Errorf("store: upsert recipient: %w", err)
	}
	row := q.db.QueryRow(ctx, `
		INSERT INTO recipients (tenant_id, id, email, phone, timezone, locale, webhook_url, slack_webhook_url, push_tokens, attributes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (tenant_id, id) DO UPDATE SET
			email = excluded.email, phone = excluded.phone, timezone = excluded.timezone,
			locale = excluded.locale, webhook_url = excluded.webhook_url,
			slack_webhook_url = excluded.slack_webhook_url, push_tokens = excluded.push_tokens,
			attributes = excluded.attributes, updated_at = now()
		RETURNING `+recipientColumns,
		r.TenantID, r.ID, r.Email, r.Phone, r.Timezone, r.Locale, r.WebhookURL, r.SlackWebhookURL, tokens, attrs)
	return scanRecipient(row)
}

// GetRecipient returns the tenant's recipient with id.
func (q *Queries) GetRecipient(ctx context.Context, tenantID uuid.UUID, id string) (*Recipient, error) {
	return scanRecipient(q.db.QueryRow(ctx, `SELECT `+recipientColumns+` FROM recipients WHERE tenant_id = $1 AND id = $2`, tenantID, id))
}

// GetRecipients returns the tenant's recipients among ids, keyed by id.
// Unknown ids are absent from the map.
func (q *Queries) GetRecipients(ctx context.Context, tenantID uuid.UUID, ids []string) (map[string]*Recipient, error) {
	rows, err := q.db.Query(ctx, `SELECT `+recipientColumns+` FROM unnest($2::text[]) AS want(rid)
		JOIN recipients ON tenant_id = $1 AND id = want.rid`, tenantID, ids)
	if err != nil {
		return nil, fmt.Errorf("store: get recipients: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Recipient, error) { return scanRecipient(r) })
	if err != nil {
		return nil, fmt.Errorf("store: get recipients: %w", err)
	}
	out := make(map[string]*Recipient, len(list))
	for _, r := range list {
		out[r.ID] = r
	}
	return out, nil
}

// DeleteRecipient deletes the tenant's recipient with id. Deleting a
// recipient that does not exist is not an error.
func (q *Queries) DeleteRecipient(ctx context.Context, tenantID uuid.UUID, id string) error {
	if _, err := q.db.Exec(ctx, `DELETE FROM recipients WHERE tenant_id = $1 AND id = $2`, tenantID, id); err != nil {
		return fmt.Errorf("store: delete recipient: %w", err)
	}
	return nil
}

func scanRecipient(row pgx.Row) (*Recipient, error) {
	var (
		r      Recipient
		tokens []byte
		attrs  []byte
	)
	err := row.Scan(&r.TenantID, &r.ID, &r.Email, &r.Phone, &r.Timezone, &r.Locale, &r.WebhookURL, &r.SlackWebhookURL,
		&tokens, &attrs, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return nil, notFound(err, "recipient")
	}
	if err := json.Unmarshal(tokens, &r.PushTokens); err != nil {
		return nil, fmt.Errorf("store: recipient %q push tokens: %w", r.ID, err)
	}
	if err := json.Unmarshal(attrs, &r.Attributes); err != nil {
		return nil, fmt.Errorf("store: recipient %q attributes: %w", r.ID, err)
	}
	return &r, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
