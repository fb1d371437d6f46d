// Package messagetype owns message type definitions beyond their wire form:
// the checks protovalidate cannot make (every channel has a template, every
// template parses) and loading definitions from YAML files at start, with
// errors that name the file and line.
package messagetype

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// FieldError is a definition problem, naming the field as the API does.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Check parses every template of spec without executing it and checks that
// each channel has one (webhooks excepted: their payload carries the data).
// Fields are named under prefix ("message_type").
func Check(r *render.Renderer, prefix string, spec *store.MessageTypeSpec) error {
	if err := checkTemplates(r, prefix+".templates", spec.Channels, spec.Templates, true); err != nil {
		return err
	}
	for _, locale := range slices.Sorted(maps.Keys(spec.Locales)) {
		if err := checkTemplates(r, prefix+".locales["+locale+"]", spec.Channels, spec.Locales[locale], false); err != nil {
			return err
		}
	}
	for _, v := range slices.Sorted(maps.Keys(spec.Variants)) {
		if err := checkTemplates(r, prefix+".variants["+v+"]", spec.Channels, spec.Variants[v], false); err != nil {
			return err
		}
	}
	if spec.Digestible {
		if spec.DigestTemplates == nil {
			return &FieldError{Field: prefix + ".digest_templates", Message: "a digestible message type needs digest templates"}
		}
		if err := checkTemplates(r, prefix+".digest_templates", spec.Channels, *spec.DigestTemplates, true); err != nil {
			return err
		}
	}
	return nil
}

// checkTemplates parses t's templates for channels; with required, a
// channel without a template is an error, otherwise it is skipped (locale
// variants fall back to the default templates).
func checkTemplates(r *render.Renderer, prefix string, channels []store.Channel, t store.Templates, required bool) error {
	for _, c := range channels {
		if !required {
			if fields, err := render.Fields(prefix, c, t); errors.Is(err, render.ErrNoTemplate) || len(fields) == 0 {
				continue
			}
		}
		err := r.Check(prefix, []store.Channel{c}, t)
		var rerr *render.Error
		if errors.As(err, &rerr) {
			if errors.Is(rerr.Err, render.ErrNoTemplate) {
				return &FieldError{Field: rerr.Field, Message: "a template is required for every channel of the message type"}
			}
			return &FieldError{Field: rerr.Field, Message: rerr.Err.Error()}
		}
		if err != nil {
			return fmt.Errorf("messagetype: %w", err)
		}
	}
	return nil
}
