package messagetype

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"buf.build/go/protovalidate"
	"go.yaml.in/yaml/v3"
	"google.golang.org/protobuf/encoding/protojson"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

// DefaultTenant is the tenant a definitions file declares for when it does
// not say.
const DefaultTenant = "default"

// Definition is one message type declared in a file.
type Definition struct {
	Tenant string
	Key    string
	Spec   store.MessageTypeSpec
	// File and Line locate the definition, for messages.
	File string
	Line int
}

// LoadDir parses every *.yaml and *.yml file in dir, in name order. The
// error lists every problem in every file as "file:line: ...".
func LoadDir(dir string, r *render.Renderer) ([]Definition, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("messagetype: %w", err)
	}
	var (
		defs []Definition
		errs []error
		seen = map[string]Definition{}
	)
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fileDefs, err := Parse(path, data, r)
		if err != nil {
			errs = append(errs, err)
		}
		for _, d := range fileDefs {
			if first, dup := seen[d.Tenant+"\x00"+d.Key]; dup {
				errs = append(errs, fmt.Errorf("%s:%d: message type %q of tenant %q is already declared at %s:%d",
					d.File, d.Line, d.Key, d.Tenant, first.File, first.Line))
				continue
			}
			seen[d.Tenant+"\x00"+d.Key] = d
			defs = append(defs, d)
		}
	}
	return defs, errors.Join(errs...)
}

// Parse parses one definitions file:
//
//	tenant: acme            # optional, default "default"
//	messageTypes:
//	  - key: order.shipped
//	    category: transactional
//	    priority: high        # or PRIORITY_HIGH
//	    channels: [email, push]
//	    ttl: 24h              # Go durations, or "86400s"
//	    templates:
//	      email: {subject: "Order {{.order}} shipped", body: "..."}
//	      push: {title: "Shipped", body: "Order {{.order}}"}
//
// Fields are those of herald.v1.MessageType, in camelCase or snake_case.
// The valid definitions are returned even when others fail.
func Parse(file string, data []byte, r *render.Renderer) ([]Definition, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: expected a mapping with tenant and messageTypes", file, root.Line)
	}
	tenant := DefaultTenant
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch normalize(k.Value) {
		case "tenant":
			tenant = v.Value
		case "messagetypes":
			list = v
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q (expected tenant or messageTypes)", file, k.Line, k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: messageTypes must be a list", file, root.Line)
	}

	validator, err := protovalidate.New()
	if err != nil {
		return nil, err
	}
	var (
		defs []Definition
		errs []error
	)
	for _, item := range list.Content {
		def, err := parseOne(file, tenant, item, validator, r)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		defs = append(defs, *def)
	}
	return defs, errors.Join(errs...)
}

func parseOne(file, tenant string, node *yaml.Node, validator protovalidate.Validator, r *render.Renderer) (*Definition, error) {
	var raw any
	if err := node.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, node.Line, err)
	}
	fields, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s:%d: a message type must be a mapping", file, node.Line)
	}
	key, _ := fields["key"].(string)
	where := func(path, msg string) error {
		name := key
		if name == "" {
			name = "(no key)"
		}
		return fmt.Errorf("%s:%d: message type %s: %s", file, lineOf(node, path), name, msg)
	}
	if err := normalizeValues(fields); err != nil {
		var ferr *FieldError
		if errors.As(err, &ferr) {
			return nil, where(ferr.Field, ferr.Error())
		}
		return nil, where("", err.Error())
	}
	js, err := json.Marshal(fields)
	if err != nil {
		return nil, where("", err.Error())
	}
	mt := &heraldv1.MessageType{}
	if err := protojson.Unmarshal(js, mt); err != nil {
		return nil, where(unknownField(err), err.Error())
	}
	if err := validator.Validate(mt); err != nil {
		var verr *protovalidate.ValidationError
		if errors.As(err, &verr) && len(verr.Violations) > 0 {
			v := verr.Violations[0].Proto
			path := protovalidate.FieldPathString(v.GetField())
			return nil, where(path, path+": "+v.GetMessage())
		}
		return nil, where("", err.Error())
	}
	spec := wire.MessageTypeSpecFromProto(mt)
	if err := Check(r, "message_type", &spec); err != nil {
		var ferr *FieldError
		if errors.As(err, &ferr) {
			path := strings.TrimPrefix(ferr.Field, "message_type.")
			return nil, where(path, path+": "+ferr.Message)
		}
		return nil, where("", err.Error())
	}
	return &Definition{Tenant: tenant, Key: mt.GetKey(), Spec: spec, File: file, Line: node.Line}, nil
}

// normalizeValues lets files say "email" for CHANNEL_EMAIL, "high" for
// PRIORITY_HIGH and "24h" for "86400s".
func normalizeValues(m map[string]any) error {
	for k, v := range m {
		switch normalize(k) {
		case "channels":
			list, _ := v.([]any)
			for i, c := range list {
				if s, ok := c.(string); ok {
					list[i] = enumName("CHANNEL_", strings.ReplaceAll(s, "-", "_"))
				}
			}
		case "priority":
			if s, ok := v.(string); ok {
				m[k] = enumName("PRIORITY_", s)
			}
		case "ttl", "dedupewindow":
			d, err := duration(v)
			if err != nil {
				return &FieldError{Field: k, Message: err.Error()}
			}
			m[k] = d
		case "ratelimit":
			rl, ok := v.(map[string]any)
			if !ok {
				continue
			}
			for rk, rv := range rl {
				s, _ := rv.(string)
				switch normalize(rk) {
				case "per":
					d, err := duration(rv)
					if err != nil {
						return &FieldError{Field: k + "." + rk, Message: err.Error()}
					}
					rl[rk] = d
				case "scope":
					rl[rk] = enumName("RATE_LIMIT_SCOPE_", s)
				case "action":
					rl[rk] = enumName("RATE_LIMIT_ACTION_", s)
				}
			}
		}
	}
	return nil
}

func enumName(prefix, s string) string {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u == "INAPP" {
		u = "IN_APP"
	}
	if strings.HasPrefix(u, prefix) {
		return u
	}
	return prefix + u
}

func duration(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%v is not a duration like 24h or 86400s", v)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a duration like 24h or 86400s", s)
	}
	return fmt.Sprintf("%gs", d.Seconds()), nil
}

// normalize folds camelCase and snake_case spellings of a key together.
func normalize(k string) string { return strings.ToLower(strings.ReplaceAll(k, "_", "")) }

var unknownFieldRE = regexp.MustCompile(`unknown field "([^"]+)"`)

func unknownField(err error) string {
	if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	return ""
}

// lineOf returns the line of the deepest node of node that path
// ("templates.email.subject", "locales[fr].push", "channels[1]") reaches.
func lineOf(node *yaml.Node, path string) int {
	line := node.Line
	cur := node
	for _, part := range pathParts(path) {
		next, at := child(cur, part)
		if next == nil {
			break
		}
		cur, line = next, at
	}
	return line
}

func pathParts(path string) []string {
	var parts []string
	for _, p := range strings.Split(path, ".") {
		for p != "" {
			i := strings.IndexByte(p, '[')
			if i < 0 {
				parts = append(parts, p)
				break
			}
			if i > 0 {
				parts = append(parts, p[:i])
			}
			j := strings.IndexByte(p, ']')
			if j < i {
				break
			}
			parts = append(parts, strings.Trim(p[i+1:j], `"`))
			p = p[j+1:]
		}
	}
	return slices.DeleteFunc(parts, func(s string) bool { return s == "" })
}

// child returns the node part names under n, and the line to point at: a
// mapping entry's key, or a list item.
func child(n *yaml.Node, part string) (*yaml.Node, int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if normalize(n.Content[i].Value) == normalize(part) {
				return n.Content[i+1], n.Content[i].Line
			}
		}
	case yaml.SequenceNode:
		var idx int
		if _, err := fmt.Sscanf(part, "%d", &idx); err == nil && idx >= 0 && idx < len(n.Content) {
			return n.Content[idx], n.Content[idx].Line
		}
	}
	return nil, 0
}
