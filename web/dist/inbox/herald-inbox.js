var p;
(function(e) {
  e[e.Canceled = 1] = "Canceled", e[e.Unknown = 2] = "Unknown", e[e.InvalidArgument = 3] = "InvalidArgument", e[e.DeadlineExceeded = 4] = "DeadlineExceeded", e[e.NotFound = 5] = "NotFound", e[e.AlreadyExists = 6] = "AlreadyExists", e[e.PermissionDenied = 7] = "PermissionDenied", e[e.ResourceExhausted = 8] = "ResourceExhausted", e[e.FailedPrecondition = 9] = "FailedPrecondition", e[e.Aborted = 10] = "Aborted", e[e.OutOfRange = 11] = "OutOfRange", e[e.Unimplemented = 12] = "Unimplemented", e[e.Internal = 13] = "Internal", e[e.Unavailable = 14] = "Unavailable", e[e.DataLoss = 15] = "DataLoss", e[e.Unauthenticated = 16] = "Unauthenticated";
})(p || (p = {}));
function Le(e, n) {
  return e !== null && typeof e == "object" && "$typeName" in e && typeof e.$typeName == "string" ? n === void 0 ? !0 : n.typeName === e.$typeName : !1;
}
var d;
(function(e) {
  e[e.DOUBLE = 1] = "DOUBLE", e[e.FLOAT = 2] = "FLOAT", e[e.INT64 = 3] = "INT64", e[e.UINT64 = 4] = "UINT64", e[e.INT32 = 5] = "INT32", e[e.FIXED64 = 6] = "FIXED64", e[e.FIXED32 = 7] = "FIXED32", e[e.BOOL = 8] = "BOOL", e[e.STRING = 9] = "STRING", e[e.BYTES = 12] = "BYTES", e[e.UINT32 = 13] = "UINT32", e[e.SFIXED32 = 15] = "SFIXED32", e[e.SFIXED64 = 16] = "SFIXED64", e[e.SINT32 = 17] = "SINT32", e[e.SINT64 = 18] = "SINT64";
})(d || (d = {}));
function zc() {
  const e = this.buf;
  let n = this.pos, t = 0, c = 0;
  for (let a = 0; a < 28; a += 7) {
    const s = e[n++];
    if (t |= (s & 127) << a, (s & 128) == 0) {
      this.pos = n, this.assertBounds(), this.varint64Lo = t, this.varint64Hi = c;
      return;
    }
  }
  const o = e[n++];
  if (t |= (o & 15) << 28, c = (o & 112) >> 4, (o & 128) == 0) {
    this.pos = n, this.assertBounds(), this.varint64Lo = t, this.varint64Hi = c;
    return;
  }
  for (let a = 3; a <= 31; a += 7) {
    const s = e[n++];
    if (c |= (s & 127) << a, (s & 128) == 0) {
      this.pos = n, this.assertBounds(), this.varint64Lo = t, this.varint64Hi = c;
      return;
    }
  }
  throw new Error("invalid varint");
}
const ue = 4294967296;
function In(e) {
  const n = e[0] === "-";
  n && (e = e.slice(1));
  const t = 1e6;
  let c = 0, o = 0;
  function a(s, r) {
    const i = Number(e.slice(s, r));
    o *= t, c = c * t + i, c >= ue && (o = o + (c / ue | 0), c = c % ue);
  }
  return a(-24, -18), a(-18, -12), a(-12, -6), a(-6), n ? pt(c, o) : Ke(c, o);
}
function wc(e, n) {
  let t = Ke(e, n);
  const c = t.hi & 2147483648;
  c && (t = pt(t.lo, t.hi));
  const o = Gt(t.lo, t.hi);
  return c ? "-" + o : o;
}
function Gt(e, n) {
  if ({ lo: e, hi: n } = Mc(e, n), n <= 2097151)
    return String(ue * n + e);
  const t = e & 16777215, c = (e >>> 24 | n << 8) & 16777215, o = n >> 16 & 65535;
  let a = t + c * 6777216 + o * 6710656, s = c + o * 8147497, r = o * 2;
  const i = 1e7;
  return a >= i && (s += Math.floor(a / i), a %= i), s >= i && (r += Math.floor(s / i), s %= i), r.toString() + hn(s) + hn(a);
}
function Mc(e, n) {
  return { lo: e >>> 0, hi: n >>> 0 };
}
function Ke(e, n) {
  return { lo: e | 0, hi: n | 0 };
}
function pt(e, n) {
  return n = ~n, e ? e = ~e + 1 : n += 1, Ke(e, n);
}
const hn = (e) => {
  const n = String(e);
  return "0000000".slice(n.length) + n;
};
function Fc(e, n) {
  if (e >>> 0 < 128) {
    n.push(e);
    return;
  }
  if (e >= 0) {
    for (; e > 127; )
      n.push(e & 127 | 128), e = e >>> 7;
    n.push(e);
  } else {
    for (let t = 0; t < 9; t++)
      n.push(e & 127 | 128), e = e >> 7;
    n.push(1);
  }
}
function Lc() {
  let e = this.buf[this.pos++];
  if ((e & 128) === 0)
    return this.assertBounds(), e;
  let n = e & 127;
  if (e = this.buf[this.pos++], n |= (e & 127) << 7, (e & 128) === 0)
    return this.assertBounds(), n;
  if (e = this.buf[this.pos++], n |= (e & 127) << 14, (e & 128) === 0)
    return this.assertBounds(), n;
  if (e = this.buf[this.pos++], n |= (e & 127) << 21, (e & 128) === 0)
    return this.assertBounds(), n;
  e = this.buf[this.pos++], n |= (e & 15) << 28;
  for (let t = 5; (e & 128) !== 0 && t < 10; t++)
    e = this.buf[this.pos++];
  if ((e & 128) !== 0)
    throw new Error("invalid varint");
  return this.assertBounds(), n >>> 0;
}
const f = /* @__PURE__ */ Kc();
function Kc() {
  const e = new DataView(new ArrayBuffer(8));
  if (typeof BigInt == "function" && typeof e.getBigInt64 == "function" && typeof e.getBigUint64 == "function" && typeof e.setBigInt64 == "function" && typeof e.setBigUint64 == "function" && (!!globalThis.Deno || !!globalThis.Bun || typeof process != "object" || typeof process.env != "object" || process.env.BUF_BIGINT_DISABLE !== "1")) {
    const t = BigInt("-9223372036854775808"), c = BigInt("9223372036854775807"), o = BigInt("0"), a = BigInt("18446744073709551615");
    return {
      zero: BigInt(0),
      supported: !0,
      parse(s) {
        const r = typeof s == "bigint" ? s : BigInt(s);
        if (r > c || r < t)
          throw new Error(`invalid int64: ${s}`);
        return r;
      },
      uParse(s) {
        const r = typeof s == "bigint" ? s : BigInt(s);
        if (r > a || r < o)
          throw new Error(`invalid uint64: ${s}`);
        return r;
      },
      enc(s) {
        return e.setBigInt64(0, this.parse(s), !0), {
          lo: e.getInt32(0, !0),
          hi: e.getInt32(4, !0)
        };
      },
      uEnc(s) {
        return e.setBigInt64(0, this.uParse(s), !0), {
          lo: e.getInt32(0, !0),
          hi: e.getInt32(4, !0)
        };
      },
      dec(s, r) {
        return e.setInt32(0, s, !0), e.setInt32(4, r, !0), e.getBigInt64(0, !0);
      },
      uDec(s, r) {
        return e.setInt32(0, s, !0), e.setInt32(4, r, !0), e.getBigUint64(0, !0);
      }
    };
  }
  return {
    zero: "0",
    supported: !1,
    parse(t) {
      return typeof t != "string" && (t = t.toString()), Gn(t), t;
    },
    uParse(t) {
      return typeof t != "string" && (t = t.toString()), pn(t), t;
    },
    enc(t) {
      return typeof t != "string" && (t = t.toString()), Gn(t), In(t);
    },
    uEnc(t) {
      return typeof t != "string" && (t = t.toString()), pn(t), In(t);
    },
    dec(t, c) {
      return wc(t, c);
    },
    uDec(t, c) {
      return Gt(t, c);
    }
  };
}
function Gn(e) {
  if (!/^-?[0-9]+$/.test(e))
    throw new Error("invalid int64: " + e);
}
function pn(e) {
  if (!/^[0-9]+$/.test(e))
    throw new Error("invalid uint64: " + e);
}
function H(e, n) {
  switch (e) {
    case d.STRING:
      return "";
    case d.BOOL:
      return !1;
    case d.DOUBLE:
    case d.FLOAT:
      return 0;
    case d.INT64:
    case d.UINT64:
    case d.SFIXED64:
    case d.FIXED64:
    case d.SINT64:
      return n ? "0" : f.zero;
    case d.BYTES:
      return new Uint8Array(0);
    default:
      return 0;
  }
}
function kc(e, n) {
  switch (e) {
    case d.BOOL:
      return n === !1;
    case d.STRING:
      return n === "";
    case d.BYTES:
      return n instanceof Uint8Array && !n.byteLength;
    case d.DOUBLE:
    case d.FLOAT:
      return Object.is(n, 0);
    default:
      return n == 0;
  }
}
const ft = 2, B = /* @__PURE__ */ Symbol.for("reflect unsafe local");
function vc(e, n) {
  const t = e[n.localName].case;
  return t === void 0 ? t : n.fields.find((c) => c.localName === t);
}
function Qc(e, n) {
  const t = n.localName;
  if (n.oneof)
    return e[n.oneof.localName].case === t;
  if (n.presence != ft)
    return e[t] !== void 0 && Object.prototype.hasOwnProperty.call(e, t);
  switch (n.fieldKind) {
    case "list":
      return e[t].length > 0;
    case "map":
      return Object.keys(e[t]).length > 0;
    case "scalar":
      return !kc(n.scalar, e[t]);
    case "enum":
      return e[t] !== n.enum.values[0].number;
  }
  throw new Error("message field with implicit presence");
}
function $(e, n) {
  return Object.prototype.hasOwnProperty.call(e, n) && e[n] !== void 0;
}
function Uc(e, n) {
  if (n.oneof) {
    const t = e[n.oneof.localName];
    return t.case === n.localName ? t.value : void 0;
  }
  return e[n.localName];
}
function Dc(e, n, t) {
  n.oneof ? e[n.oneof.localName] = {
    case: n.localName,
    value: t
  } : e[n.localName] = t;
}
function N(e, n, t) {
  n === "__proto__" ? Object.defineProperty(e, "__proto__", {
    value: t,
    writable: !0,
    enumerable: !0,
    configurable: !0
  }) : e[n] = t;
}
function Tc(e, n) {
  return Object.prototype.hasOwnProperty.call(e, n) ? e[n] : void 0;
}
function Oc(e, n) {
  const t = n.localName;
  if (n.oneof) {
    const c = n.oneof.localName;
    e[c].case === t && (e[c] = { case: void 0 });
  } else if (n.presence != ft)
    delete e[t];
  else
    switch (n.fieldKind) {
      case "map":
        e[t] = {};
        break;
      case "list":
        e[t] = [];
        break;
      case "enum":
        e[t] = n.enum.values[0].number;
        break;
      case "scalar":
        e[t] = H(n.scalar, n.longAsString);
        break;
    }
}
function z(e) {
  return e !== null && typeof e == "object" && !Array.isArray(e);
}
function ke(e, n) {
  var t, c, o, a;
  if (z(e) && B in e && "add" in e && "field" in e && typeof e.field == "function") {
    if (n !== void 0) {
      const s = n, r = e.field();
      return s.listKind == r.listKind && s.scalar === r.scalar && ((t = s.message) === null || t === void 0 ? void 0 : t.typeName) === ((c = r.message) === null || c === void 0 ? void 0 : c.typeName) && ((o = s.enum) === null || o === void 0 ? void 0 : o.typeName) === ((a = r.enum) === null || a === void 0 ? void 0 : a.typeName);
    }
    return !0;
  }
  return !1;
}
function ve(e, n) {
  var t, c, o, a;
  if (z(e) && B in e && "has" in e && "field" in e && typeof e.field == "function") {
    if (n !== void 0) {
      const s = n, r = e.field();
      return s.mapKey === r.mapKey && s.mapKind == r.mapKind && s.scalar === r.scalar && ((t = s.message) === null || t === void 0 ? void 0 : t.typeName) === ((c = r.message) === null || c === void 0 ? void 0 : c.typeName) && ((o = s.enum) === null || o === void 0 ? void 0 : o.typeName) === ((a = r.enum) === null || a === void 0 ? void 0 : a.typeName);
    }
    return !0;
  }
  return !1;
}
function Qe(e, n) {
  return z(e) && B in e && "desc" in e && z(e.desc) && e.desc.kind === "message" && (n === void 0 || e.desc.typeName == n.typeName);
}
function Pc(e) {
  return Vt(e.$typeName);
}
function F(e) {
  const n = e.fields[0];
  return Vt(e.typeName) && n !== void 0 && n.fieldKind == "scalar" && n.name == "value" && n.number == 1;
}
function Zt(e) {
  switch (e.typeName) {
    case "google.protobuf.Any":
    case "google.protobuf.Timestamp":
    case "google.protobuf.Duration":
    case "google.protobuf.FieldMask":
    case "google.protobuf.Struct":
    case "google.protobuf.Value":
    case "google.protobuf.ListValue":
      return !0;
    default:
      return F(e);
  }
}
const _c = /* @__PURE__ */ new Set([
  "google.protobuf.DoubleValue",
  "google.protobuf.FloatValue",
  "google.protobuf.Int64Value",
  "google.protobuf.UInt64Value",
  "google.protobuf.Int32Value",
  "google.protobuf.UInt32Value",
  "google.protobuf.BoolValue",
  "google.protobuf.StringValue",
  "google.protobuf.BytesValue"
]);
function Vt(e) {
  return _c.has(e);
}
const jc = 999, $c = 998, Ct = 2;
function J(e, n) {
  return Le(n, e) ? n : Xt(e)(n);
}
const fn = /* @__PURE__ */ new WeakMap();
function Xt(e) {
  let n = fn.get(e);
  return n === void 0 && (n = qc(e), fn.set(e, n)), n;
}
const Se = 0, At = 1, Jt = 2, Bt = 3;
function qc(e) {
  const n = e.typeName, { properties: t, prototype: c } = eo(e);
  return (o) => {
    let a;
    c !== void 0 ? (a = Object.create(c), a.$typeName = n) : a = { $typeName: n };
    for (let s = 0; s < t.length; s++) {
      const r = t[s], i = r.name, l = o?.[i];
      switch (r.kind) {
        case Se:
          l != null ? a[i] = r.convert !== void 0 ? r.convert(l) : l : r.constant !== void 0 && (a[i] = r.constant);
          break;
        case At:
          a[i] = r.convert !== void 0 && Array.isArray(l) ? l.map(r.convert) : l ?? [];
          break;
        case Jt:
          if (r.convert === void 0 || !z(l))
            a[i] = l ?? {};
          else {
            const u = {}, g = Object.keys(l);
            for (let y = 0; y < g.length; y++)
              N(u, g[y], r.convert(l[g[y]]));
            a[i] = u;
          }
          break;
        case Bt: {
          const u = l;
          if (u?.case != null) {
            const g = r.convert.get(u.case);
            if (g !== void 0) {
              a[i] = {
                case: u.case,
                value: g(u.value)
              };
              break;
            }
          }
          a[i] = { case: void 0 };
          break;
        }
      }
    }
    return a;
  };
}
function eo(e) {
  var n, t;
  const c = [], o = {}, a = to(e);
  for (const s of e.members) {
    const r = s.localName;
    if (s.kind == "oneof") {
      c.push({
        name: r,
        kind: Bt,
        constant: void 0,
        convert: no(s)
      });
      continue;
    }
    switch (s.fieldKind) {
      case "message": {
        c.push({
          name: r,
          kind: Se,
          constant: void 0,
          convert: me(s)
        });
        break;
      }
      case "list": {
        c.push({
          name: r,
          kind: At,
          constant: void 0,
          convert: s.listKind == "message" ? (n = me(s)) !== null && n !== void 0 ? n : ((i) => i) : s.scalar == d.BYTES ? _ : void 0
        });
        break;
      }
      case "map": {
        c.push({
          name: r,
          kind: Jt,
          constant: void 0,
          convert: s.mapKind == "message" ? (t = me(s)) !== null && t !== void 0 ? t : ((i) => i) : s.scalar == d.BYTES ? _ : void 0
        });
        break;
      }
      default: {
        const i = co(s);
        c.push({
          name: r,
          kind: Se,
          constant: s.presence == Ct ? i : void 0,
          convert: s.fieldKind == "scalar" && s.scalar == d.BYTES ? _ : void 0
        }), a && (o[r] = i);
        break;
      }
    }
  }
  return {
    properties: c,
    prototype: a ? o : void 0
  };
}
function no(e) {
  const n = /* @__PURE__ */ new Map();
  for (const t of e.fields) {
    let c;
    t.fieldKind == "message" ? c = me(t) : t.fieldKind == "scalar" && t.scalar == d.BYTES && (c = _), n.set(t.localName, c ?? ((o) => o));
  }
  return n;
}
function me(e) {
  if (e.fieldKind == "message" && !e.oneof && F(e.message))
    return e.message.fields[0].scalar == d.BYTES ? _ : void 0;
  if (e.message.typeName == "google.protobuf.Struct" && e.parent.typeName !== "google.protobuf.Value")
    return;
  const n = e.message;
  let t;
  return (c) => !z(c) || Le(c, n) ? c : (t ?? (t = Xt(n)), t(c));
}
function _(e) {
  return Array.isArray(e) ? new Uint8Array(e) : e;
}
function to(e) {
  switch (e.file.edition) {
    case jc:
      return !1;
    case $c:
      return !0;
    default:
      return e.fields.some((n) => n.presence != Ct && n.fieldKind != "message" && !n.oneof);
  }
}
function co(e) {
  const n = e.getDefaultValue();
  return n !== void 0 ? e.fieldKind == "scalar" && e.longAsString ? n.toString() : n : e.fieldKind == "scalar" ? H(e.scalar, e.longAsString) : e.enum.values[0].number;
}
const oo = [
  "FieldValueInvalidError",
  "FieldListRangeError",
  "ForeignFieldError"
];
class Z extends Error {
  constructor(n, t, c = "FieldValueInvalidError") {
    super(t), this.name = c, this.field = () => n;
  }
}
function ao(e) {
  return e instanceof Error && oo.includes(e.name) && "field" in e && typeof e.field == "function";
}
let Re;
function so(e) {
  var n;
  Re = Object.assign(Object.assign({}, e), { encodeUtf8Into: (n = e.encodeUtf8Into) !== null && n !== void 0 ? n : Wt(e.encodeUtf8.bind(e)) });
}
function Ue() {
  if (!Re) {
    const e = globalThis;
    if (!e.TextEncoder || !e.TextDecoder)
      throw new Error("encoding API missing: install TextEncoder and TextDecoder on globalThis");
    const n = new e.TextEncoder(), t = new e.TextDecoder("utf-8", {
      ignoreBOM: !0
    });
    let c;
    const o = {
      encodeUtf8(s) {
        return n.encode(s);
      },
      decodeUtf8(s, r) {
        return r ? (c || (c = new e.TextDecoder("utf-8", {
          fatal: !0,
          ignoreBOM: !0
        })), c.decode(s)) : t.decode(s);
      },
      checkUtf8(s) {
        try {
          return encodeURIComponent(s), !0;
        } catch {
          return !1;
        }
      }
    };
    n.encodeInto && (o.encodeUtf8Into = n.encodeInto.bind(n));
    const a = String.prototype.isWellFormed;
    a && (o.checkUtf8 = (s) => a.call(s)), so(o);
  }
  return Re;
}
function Wt(e) {
  return (n, t) => {
    const c = e(n);
    return t.set(c), { written: c.byteLength };
  };
}
var V;
(function(e) {
  e[e.Varint = 0] = "Varint", e[e.Bit64 = 1] = "Bit64", e[e.LengthDelimited = 2] = "LengthDelimited", e[e.StartGroup = 3] = "StartGroup", e[e.EndGroup = 4] = "EndGroup", e[e.Bit32 = 5] = "Bit32";
})(V || (V = {}));
const St = 4294967295, Rt = 2147483647, Nt = -2147483648;
class Yt {
  constructor(n) {
    this.stackPos = [], this.encodeUtf8Into = n ? Wt(n) : Ue().encodeUtf8Into, this.buffer = xt, this.viewCache = io, this.pos = 0;
  }
  ensureCapacity(n) {
    const t = this.pos + n;
    if (t > this.buffer.length) {
      let c = this.buffer.length || ro;
      for (; c < t; )
        c *= 2;
      const o = new Uint8Array(c);
      this.pos > 0 && o.set(this.buffer), this.buffer = o;
    }
  }
  /**
   * The DataView over `buffer`, rebuilt only if the buffer has grown since it
   * was last used.
   */
  view() {
    const n = this.buffer, t = this.viewCache;
    if (t.byteLength === n.byteLength)
      return t;
    const c = new DataView(n.buffer);
    return this.viewCache = c, c;
  }
  /**
   * Return all bytes written and reset this writer.
   */
  finish() {
    const n = this.buffer.slice(0, this.pos);
    return this.pos = 0, this.stackPos = [], n;
  }
  /**
   * Start a new fork for length-delimited data like a message
   * or a packed repeated field.
   *
   * Must be joined later with `join()`.
   */
  fork() {
    return this.stackPos.push(this.pos), this.ensureCapacity(O), this.buffer[this.pos++] = 0, this;
  }
  /**
   * Join the last fork. Write its length and bytes, then
   * return to the previous state.
   */
  join() {
    const n = this.stackPos.pop();
    if (n === void 0)
      throw new Error("invalid state, fork stack empty");
    const t = this.pos - n - O, c = Xe(t);
    return c > O && (this.ensureCapacity(c - O), this.buffer.copyWithin(n + c, n + O, this.pos)), this.pos = n, this.uint32(t), this.pos += t, this;
  }
  /**
   * Writes a tag (field number and wire type).
   *
   * Equivalent to `uint32( (fieldNo << 3 | type) >>> 0 )`.
   *
   * Generated code should compute the tag ahead of time and call `uint32()`.
   */
  tag(n, t) {
    return this.uint32((n << 3 | t) >>> 0);
  }
  /**
   * Write a chunk of raw bytes.
   */
  raw(n) {
    return this.ensureCapacity(n.length), this.buffer.set(n, this.pos), this.pos += n.length, this;
  }
  /**
   * Write a `uint32` value, an unsigned 32 bit varint.
   */
  uint32(n) {
    if (Zn(n), this.ensureCapacity(5), n < 128)
      return this.buffer[this.pos++] = n, this;
    for (; n > 127; )
      this.buffer[this.pos++] = n & 127 | 128, n >>>= 7;
    return this.buffer[this.pos++] = n, this;
  }
  /**
   * Write a `int32` value, a signed 32 bit varint.
   */
  int32(n) {
    if (Ae(n), n >= 0)
      return this.uint32(n);
    this.ensureCapacity(10);
    for (let t = 0; t < 9; t++)
      this.buffer[this.pos++] = n & 127 | 128, n >>= 7;
    return this.buffer[this.pos++] = 1, this;
  }
  /**
   * Write a `bool` value, a varint.
   */
  bool(n) {
    return this.ensureCapacity(1), this.buffer[this.pos++] = n ? 1 : 0, this;
  }
  /**
   * Write a `bytes` value, length-delimited arbitrary data.
   */
  bytes(n) {
    return this.uint32(n.byteLength), this.raw(n);
  }
  /**
   * Write a `string` value, length-delimited data converted to UTF-8 text.
   */
  string(n) {
    typeof n != "string" && (n = String(n));
    const t = n.length;
    if (t <= Et) {
      this.ensureCapacity(t + 1);
      const i = this.buffer;
      let l = this.pos;
      i[l++] = t;
      let u = 0;
      for (; u < t; u++) {
        const g = n.charCodeAt(u);
        if (g > 127)
          break;
        i[l++] = g;
      }
      if (u == t)
        return this.pos = l, this;
    }
    this.ensureCapacity(t * 3 + 5);
    const c = Xe(t), o = this.buffer, a = this.pos, { written: s } = this.encodeUtf8Into(n, o.subarray(a + c)), r = Xe(s);
    return r != c && o.copyWithin(a + r, a + c, a + c + s), this.uint32(s), this.pos += s, this;
  }
  /**
   * Write a `float` value, 32-bit floating point number.
   */
  float(n) {
    return lo(n), this.ensureCapacity(4), this.view().setFloat32(this.pos, n, !0), this.pos += 4, this;
  }
  /**
   * Write a `double` value, a 64-bit floating point number.
   */
  double(n) {
    return this.ensureCapacity(8), this.view().setFloat64(this.pos, n, !0), this.pos += 8, this;
  }
  /**
   * Write a `fixed32` value, an unsigned, fixed-length 32-bit integer.
   */
  fixed32(n) {
    return Zn(n), this.ensureCapacity(4), this.view().setUint32(this.pos, n, !0), this.pos += 4, this;
  }
  /**
   * Write a `sfixed32` value, a signed, fixed-length 32-bit integer.
   */
  sfixed32(n) {
    return Ae(n), this.ensureCapacity(4), this.view().setInt32(this.pos, n, !0), this.pos += 4, this;
  }
  /**
   * Write a `sint32` value, a signed, zigzag-encoded 32-bit varint.
   */
  sint32(n) {
    return Ae(n), this.uint32((n << 1 ^ n >> 31) >>> 0);
  }
  /**
   * Write a `sfixed64` value, a signed, fixed-length 64-bit integer.
   */
  sfixed64(n) {
    const t = f.enc(n);
    this.ensureCapacity(8);
    const c = this.view();
    return c.setInt32(this.pos, t.lo, !0), c.setInt32(this.pos + 4, t.hi, !0), this.pos += 8, this;
  }
  /**
   * Write a `fixed64` value, an unsigned, fixed-length 64 bit integer.
   */
  fixed64(n) {
    const t = f.uEnc(n);
    this.ensureCapacity(8);
    const c = this.view();
    return c.setInt32(this.pos, t.lo, !0), c.setInt32(this.pos + 4, t.hi, !0), this.pos += 8, this;
  }
  /**
   * Write a `int64` value, a signed 64-bit varint.
   */
  int64(n) {
    const t = f.enc(n);
    return this.writeVarint64(t.lo, t.hi);
  }
  /**
   * Write a `sint64` value, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64(n) {
    const t = f.enc(n), c = t.hi >> 31, o = t.lo << 1 ^ c, a = (t.hi << 1 | t.lo >>> 31) ^ c;
    return this.writeVarint64(o, a);
  }
  /**
   * Write a `uint64` value, an unsigned 64-bit varint.
   */
  uint64(n) {
    const t = f.uEnc(n);
    return this.writeVarint64(t.lo, t.hi);
  }
  /**
   * Write a 64-bit varint directly into the buffer. Accepts the value as
   * split low/high 32-bit words.
   *
   * Ported from varint64write() to avoid the intermediate number[] buffer.
   * See https://github.com/protocolbuffers/protobuf/blob/8a71927d74a4ce34efe2d8769fda198f52d20d12/js/experimental/runtime/kernel/writer.js#L344
   */
  writeVarint64(n, t) {
    this.ensureCapacity(10);
    const c = this.buffer;
    let o = this.pos;
    for (let r = 0; r < 28; r = r + 7) {
      const i = n >>> r, l = !(!(i >>> 7) && t == 0);
      if (c[o++] = (l ? i | 128 : i) & 255, !l)
        return this.pos = o, this;
    }
    const a = n >>> 28 & 15 | (t & 7) << 4, s = t >> 3 != 0;
    if (c[o++] = (s ? a | 128 : a) & 255, !s)
      return this.pos = o, this;
    for (let r = 3; r < 31; r = r + 7) {
      const i = t >>> r, l = !!(i >>> 7);
      if (c[o++] = (l ? i | 128 : i) & 255, !l)
        return this.pos = o, this;
    }
    return c[o++] = t >>> 31 & 1, this.pos = o, this;
  }
}
const ro = 128, O = 1, xt = new Uint8Array(0), io = new DataView(xt.buffer), Et = 32;
function Xe(e) {
  return e < 128 ? 1 : e < 16384 ? 2 : e < 2097152 ? 3 : e < 268435456 ? 4 : 5;
}
class q {
  constructor(n, t = Ue().decodeUtf8) {
    this.decodeUtf8 = t, this.varint64Lo = 0, this.varint64Hi = 0, this.varint64 = zc, this.uint32 = Lc, this.buf = n, this.len = n.length, this.pos = 0, this.view = new DataView(n.buffer, n.byteOffset, n.byteLength);
  }
  /**
   * Reads a tag - field number and wire type. Tags are uint32 varints; values
   * that do not fit in uint32 are rejected.
   */
  tag() {
    const n = this.pos, t = this.uint32(), c = this.pos - n;
    if (c > 5 || c == 5 && this.buf[this.pos - 1] > 15)
      throw new Error("illegal tag: varint overflows uint32");
    const o = t >>> 3, a = t & 7;
    if (o <= 0 || a > 5)
      throw new Error("illegal tag: field no " + o + " wire type " + a);
    return [o, a];
  }
  /**
   * Skip one element and return the skipped data.
   *
   * When skipping StartGroup, provide the tags field number to check for
   * matching field number in the EndGroup tag. Recursion into nested groups
   * is guarded by the `recursionLimit` argument: When the limit is reached,
   * this method throws.
   */
  skip(n, t, c = 100) {
    let o = this.pos;
    switch (n) {
      case V.Varint:
        for (; this.buf[this.pos++] & 128; )
          ;
        break;
      // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
      case V.Bit64:
        this.pos += 4;
      case V.Bit32:
        this.pos += 4;
        break;
      case V.LengthDelimited:
        let a = this.uint32();
        this.pos += a;
        break;
      case V.StartGroup:
        if (c <= 0)
          throw new Error("maximum recursion depth reached");
        for (; ; ) {
          const [s, r] = this.tag();
          if (r === V.EndGroup) {
            if (t !== void 0 && s !== t)
              throw new Error("invalid end group tag");
            break;
          }
          this.skip(r, s, c - 1);
        }
        break;
      default:
        throw new Error("cant skip wire type " + n);
    }
    return this.assertBounds(), this.buf.subarray(o, this.pos);
  }
  /**
   * Throws error if position in byte array is out of range.
   */
  assertBounds() {
    if (this.pos > this.len)
      throw new RangeError("premature EOF");
  }
  /**
   * Read a `int32` field, a signed 32 bit varint.
   */
  int32() {
    return this.uint32() | 0;
  }
  /**
   * Read a `sint32` field, a signed, zigzag-encoded 32-bit varint.
   */
  sint32() {
    let n = this.uint32();
    return n >>> 1 ^ -(n & 1);
  }
  /**
   * Read a `int64` field, a signed 64-bit varint.
   */
  int64() {
    return this.varint64(), f.dec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `uint64` field, an unsigned 64-bit varint.
   */
  uint64() {
    return this.varint64(), f.uDec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `sint64` field, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64() {
    this.varint64();
    let n = this.varint64Lo, t = this.varint64Hi, c = -(n & 1);
    return n = (n >>> 1 | (t & 1) << 31) ^ c, t = t >>> 1 ^ c, f.dec(n, t);
  }
  /**
   * Read a `bool` field, a variant.
   */
  bool() {
    const n = this.buf[this.pos];
    return n < 128 ? (this.pos++, n !== 0) : (this.varint64(), this.varint64Lo !== 0 || this.varint64Hi !== 0);
  }
  /**
   * Read a `fixed32` field, an unsigned, fixed-length 32-bit integer.
   */
  fixed32() {
    return this.view.getUint32((this.pos += 4) - 4, !0);
  }
  /**
   * Read a `sfixed32` field, a signed, fixed-length 32-bit integer.
   */
  sfixed32() {
    return this.view.getInt32((this.pos += 4) - 4, !0);
  }
  /**
   * Read a `fixed64` field, an unsigned, fixed-length 64 bit integer.
   */
  fixed64() {
    return f.uDec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `fixed64` field, a signed, fixed-length 64-bit integer.
   */
  sfixed64() {
    return f.dec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `float` field, 32-bit floating point number.
   */
  float() {
    return this.view.getFloat32((this.pos += 4) - 4, !0);
  }
  /**
   * Read a `double` field, a 64-bit floating point number.
   */
  double() {
    return this.view.getFloat64((this.pos += 8) - 8, !0);
  }
  /**
   * Read a `bytes` field, length-delimited arbitrary data.
   */
  bytes() {
    let n = this.uint32(), t = this.pos;
    return this.pos += n, this.assertBounds(), this.buf.subarray(t, t + n);
  }
  /**
   * Read a `string` field, length-delimited data converted to UTF-8 text. If
   * `strict` is true, throw on invalid UTF-8 instead of substituting U+FFFD.
   */
  string(n) {
    const t = this.uint32(), c = this.pos;
    this.pos += t, this.assertBounds();
    const o = this.buf;
    if (t <= Et) {
      const a = new Array(t);
      for (let s = 0; s < t; s++) {
        const r = o[c + s];
        if (r > 127)
          return this.decodeUtf8(o.subarray(c, this.pos), n);
        a[s] = r;
      }
      return String.fromCharCode.apply(String, a);
    }
    return this.decodeUtf8(o.subarray(c, this.pos), n);
  }
}
function Ae(e) {
  if (typeof e == "string")
    e = Number(e);
  else if (typeof e != "number")
    throw new Error("invalid int32: " + typeof e);
  if (!Number.isInteger(e) || e > Rt || e < Nt)
    throw new Error("invalid int32: " + e);
}
function Zn(e) {
  if (typeof e == "string")
    e = Number(e);
  else if (typeof e != "number")
    throw new Error("invalid uint32: " + typeof e);
  if (!Number.isInteger(e) || e > St || e < 0)
    throw new Error("invalid uint32: " + e);
}
function lo(e) {
  if (typeof e == "string") {
    const n = e;
    if (e = Number(e), Number.isNaN(e) && n !== "NaN")
      throw new Error("invalid float32: " + n);
  } else if (typeof e != "number")
    throw new Error("invalid float32: " + typeof e);
  if (!Number.isFinite(Math.fround(e)) && Number.isFinite(e))
    throw new Error("invalid float32: " + e);
}
function Ht(e, n) {
  const t = e.fieldKind == "list" ? ke(n, e) : e.fieldKind == "map" ? ve(n, e) : De(e, n);
  if (t === !0)
    return;
  let c;
  switch (e.fieldKind) {
    case "list":
      c = `expected ${wt(e)}, got ${X(n)}`;
      break;
    case "map":
      c = `expected ${Mt(e)}, got ${X(n)}`;
      break;
    default:
      c = R(e, n, t);
  }
  return new Z(e, c);
}
function Vn(e, n, t) {
  const c = De(e, t);
  if (c !== !0)
    return new Z(e, `list item #${n + 1}: ${R(e, t, c)}`);
}
function uo(e, n, t) {
  const c = w(e.mapKey)(n);
  if (c !== !0)
    return new Z(e, `invalid map key: ${R({ scalar: e.mapKey }, n, c)}`);
  const o = De(e, t);
  if (o !== !0)
    return new Z(e, `map entry ${X(n)}: ${R(e, t, o)}`);
}
function De(e, n) {
  return e.scalar !== void 0 ? w(e.scalar)(n) : e.enum !== void 0 ? e.enum.open ? w(d.INT32)(n) : e.enum.values.some((t) => t.number === n) : Qe(n, e.message);
}
function w(e) {
  switch (e) {
    case d.DOUBLE:
      return (n) => typeof n == "number";
    case d.FLOAT:
      return (n) => typeof n != "number" ? !1 : !Number.isFinite(Math.fround(n)) && Number.isFinite(n) ? `${n.toFixed()} out of range` : !0;
    case d.INT32:
    case d.SFIXED32:
    case d.SINT32:
      return (n) => typeof n != "number" || !Number.isInteger(n) ? !1 : n > Rt || n < Nt ? `${n.toFixed()} out of range` : !0;
    case d.FIXED32:
    case d.UINT32:
      return (n) => typeof n != "number" || !Number.isInteger(n) ? !1 : n > St || n < 0 ? `${n.toFixed()} out of range` : !0;
    case d.BOOL:
      return (n) => typeof n == "boolean";
    case d.STRING:
      return (n) => typeof n != "string" ? !1 : Ue().checkUtf8(n) || "invalid UTF8";
    case d.BYTES:
      return (n) => n instanceof Uint8Array;
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      return (n) => {
        if (typeof n == "bigint" || typeof n == "number" || typeof n == "string" && n.length > 0)
          try {
            return f.parse(n), !0;
          } catch {
            return `${n} out of range`;
          }
        return !1;
      };
    case d.FIXED64:
    case d.UINT64:
      return (n) => {
        if (typeof n == "bigint" || typeof n == "number" || typeof n == "string" && n.length > 0)
          try {
            return f.uParse(n), !0;
          } catch {
            return `${n} out of range`;
          }
        return !1;
      };
  }
}
function R(e, n, t) {
  return t = typeof t == "string" ? `: ${t}` : `, got ${X(n)}`, e.scalar !== void 0 ? `expected ${mo(e.scalar)}` + t : e.enum !== void 0 ? `expected ${e.enum.toString()}` + t : `expected ${zt(e.message)}` + t;
}
function X(e) {
  switch (typeof e) {
    case "object":
      return e === null ? "null" : e instanceof Uint8Array ? `Uint8Array(${e.length})` : Array.isArray(e) ? `Array(${e.length})` : ke(e) ? wt(e.field()) : ve(e) ? Mt(e.field()) : Qe(e) ? zt(e.desc) : Le(e) ? `message ${e.$typeName}` : "object";
    case "string":
      return e.length > 30 ? "string" : `"${e.split('"').join('\\"')}"`;
    case "boolean":
      return String(e);
    case "number":
      return String(e);
    case "bigint":
      return String(e) + "n";
    default:
      return typeof e;
  }
}
function zt(e) {
  return `ReflectMessage (${e.typeName})`;
}
function wt(e) {
  switch (e.listKind) {
    case "message":
      return `ReflectList (${e.message.toString()})`;
    case "enum":
      return `ReflectList (${e.enum.toString()})`;
    case "scalar":
      return `ReflectList (${d[e.scalar]})`;
  }
}
function Mt(e) {
  switch (e.mapKind) {
    case "message":
      return `ReflectMap (${d[e.mapKey]}, ${e.message.toString()})`;
    case "enum":
      return `ReflectMap (${d[e.mapKey]}, ${e.enum.toString()})`;
    case "scalar":
      return `ReflectMap (${d[e.mapKey]}, ${d[e.scalar]})`;
  }
}
function mo(e) {
  switch (e) {
    case d.STRING:
      return "string";
    case d.BOOL:
      return "boolean";
    case d.INT64:
    case d.SINT64:
    case d.SFIXED64:
      return "bigint (int64)";
    case d.UINT64:
    case d.FIXED64:
      return "bigint (uint64)";
    case d.BYTES:
      return "Uint8Array";
    case d.DOUBLE:
      return "number (float64)";
    case d.FLOAT:
      return "number (float32)";
    case d.FIXED32:
    case d.UINT32:
      return "number (uint32)";
    case d.INT32:
    case d.SFIXED32:
    case d.SINT32:
      return "number (int32)";
  }
}
const go = 0;
function Y(e) {
  if (bo(e))
    return {
      toMessage: (t) => Te(t),
      toLocal: (t) => Oe(t)
    };
  if (e.fieldKind == "message" && !e.oneof && F(e.message)) {
    const t = e.message, c = t.fields[0].localName;
    return {
      toMessage: (o) => {
        const a = J(t);
        return o !== void 0 && (a[c] = o), a;
      },
      toLocal: (o) => o[c]
    };
  }
  const n = e.message;
  return {
    toMessage: (t) => t === void 0 ? J(n) : t,
    toLocal: (t) => t
  };
}
function bo(e) {
  return e.message.typeName == "google.protobuf.Struct" && e.parent.typeName != "google.protobuf.Value";
}
function Te(e) {
  const n = {
    $typeName: "google.protobuf.Struct",
    fields: {}
  };
  if (z(e))
    for (const t of Object.keys(e))
      N(n.fields, t, Lt(e[t]));
  return n;
}
function Oe(e) {
  const n = {};
  for (const t of Object.keys(e.fields))
    N(n, t, Ft(e.fields[t]));
  return n;
}
function Ft(e) {
  switch (e.kind.case) {
    case "structValue":
      return Oe(e.kind.value);
    case "listValue":
      return e.kind.value.values.map(Ft);
    case "nullValue":
    case void 0:
      return null;
    default:
      return e.kind.value;
  }
}
function Lt(e) {
  const n = {
    $typeName: "google.protobuf.Value",
    kind: { case: void 0 }
  };
  switch (typeof e) {
    case "number":
      n.kind = { case: "numberValue", value: e };
      break;
    case "string":
      n.kind = { case: "stringValue", value: e };
      break;
    case "boolean":
      n.kind = { case: "boolValue", value: e };
      break;
    case "object":
      if (e === null)
        n.kind = { case: "nullValue", value: go };
      else if (Array.isArray(e)) {
        const t = {
          $typeName: "google.protobuf.ListValue",
          values: []
        };
        if (Array.isArray(e))
          for (const c of e)
            t.values.push(Lt(c));
        n.kind = {
          case: "listValue",
          value: t
        };
      } else
        n.kind = {
          case: "structValue",
          value: Te(e)
        };
      break;
  }
  return n;
}
function yo(e, n, t = !0) {
  return new Kt(e, n, t);
}
const Cn = /* @__PURE__ */ new WeakMap();
class Kt {
  get sortedFields() {
    const n = Cn.get(this.desc);
    if (n)
      return n;
    const t = this.desc.fields.concat().sort((c, o) => c.number - o.number);
    return Cn.set(this.desc, t), t;
  }
  constructor(n, t, c = !0) {
    this.lists = /* @__PURE__ */ new Map(), this.maps = /* @__PURE__ */ new Map(), this.check = c, this.desc = n, this.message = this[B] = t ?? J(n), this.fields = n.fields, this.oneofs = n.oneofs, this.members = n.members;
  }
  findNumber(n) {
    return this._fieldsByNumber || (this._fieldsByNumber = new Map(this.desc.fields.map((t) => [t.number, t]))), this._fieldsByNumber.get(n);
  }
  oneofCase(n) {
    return P(this.message, n), vc(this.message, n);
  }
  isSet(n) {
    return P(this.message, n), Qc(this.message, n);
  }
  clear(n) {
    P(this.message, n), Oc(this.message, n);
  }
  get(n) {
    P(this.message, n);
    const t = Uc(this.message, n);
    switch (n.fieldKind) {
      case "list":
        let c = this.lists.get(n);
        return (!c || c[B] !== t) && this.lists.set(
          n,
          // biome-ignore lint/suspicious/noAssignInExpressions: no
          c = new Io(n, t, this.check)
        ), c;
      case "map":
        let o = this.maps.get(n);
        return (!o || o[B] !== t) && this.maps.set(
          n,
          // biome-ignore lint/suspicious/noAssignInExpressions: no
          o = new ho(n, t, this.check)
        ), o;
      case "message":
        return _e(n, t, this.check);
      case "scalar":
        return t === void 0 ? H(n.scalar, !1) : je(n, t);
      case "enum":
        return t ?? n.enum.values[0].number;
    }
  }
  set(n, t) {
    if (P(this.message, n), this.check) {
      const o = Ht(n, t);
      if (o)
        throw o;
    }
    let c;
    n.fieldKind == "message" ? c = Pe(n, t) : ve(t) || ke(t) ? c = t[B] : c = $e(n, t), Dc(this.message, n, c);
  }
  getUnknown() {
    return this.message.$unknown;
  }
  setUnknown(n) {
    this.message.$unknown = n;
  }
}
function P(e, n) {
  if (n.parent.typeName !== e.$typeName)
    throw new Z(n, `cannot use ${n.toString()} with message ${e.$typeName}`, "ForeignFieldError");
}
class Io {
  field() {
    return this._field;
  }
  get size() {
    return this._arr.length;
  }
  constructor(n, t, c) {
    this._field = n, this._arr = this[B] = t, this.check = c;
  }
  get(n) {
    const t = this._arr[n];
    return t === void 0 ? void 0 : Je(this._field, t, this.check);
  }
  set(n, t) {
    if (n < 0 || n >= this._arr.length)
      throw new Z(this._field, `list item #${n + 1}: out of range`);
    if (this.check) {
      const c = Vn(this._field, n, t);
      if (c)
        throw c;
    }
    this._arr[n] = Xn(this._field, t);
  }
  add(n) {
    if (this.check) {
      const t = Vn(this._field, this._arr.length, n);
      if (t)
        throw t;
    }
    this._arr.push(Xn(this._field, n));
  }
  clear() {
    this._arr.splice(0, this._arr.length);
  }
  [Symbol.iterator]() {
    return this.values();
  }
  keys() {
    return this._arr.keys();
  }
  *values() {
    for (const n of this._arr)
      yield Je(this._field, n, this.check);
  }
  *entries() {
    for (let n = 0; n < this._arr.length; n++)
      yield [n, Je(this._field, this._arr[n], this.check)];
  }
}
class ho {
  constructor(n, t, c = !0) {
    this.obj = this[B] = t ?? {}, this.check = c, this._field = n;
  }
  field() {
    return this._field;
  }
  set(n, t) {
    if (this.check) {
      const c = uo(this._field, n, t);
      if (c)
        throw c;
    }
    return N(this.obj, se(n), Go(this._field, t)), this;
  }
  delete(n) {
    const t = se(n), c = Object.prototype.hasOwnProperty.call(this.obj, t);
    return c && delete this.obj[t], c;
  }
  clear() {
    for (const n of Object.keys(this.obj))
      delete this.obj[n];
  }
  get(n) {
    let t = Tc(this.obj, se(n));
    return t !== void 0 && (t = Be(this._field, t, this.check)), t;
  }
  has(n) {
    return Object.prototype.hasOwnProperty.call(this.obj, se(n));
  }
  *keys() {
    for (const n of Object.keys(this.obj))
      yield An(n, this._field.mapKey);
  }
  *entries() {
    for (const n of Object.entries(this.obj))
      yield [
        An(n[0], this._field.mapKey),
        Be(this._field, n[1], this.check)
      ];
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get size() {
    return Object.keys(this.obj).length;
  }
  *values() {
    for (const n of Object.values(this.obj))
      yield Be(this._field, n, this.check);
  }
  forEach(n, t) {
    for (const c of this.entries())
      n.call(t, c[1], c[0], this);
  }
}
function Pe(e, n) {
  return Qe(n) ? Pc(n.message) && !e.oneof && e.fieldKind == "message" ? n.message.value : n.desc.typeName == "google.protobuf.Struct" && e.parent.typeName != "google.protobuf.Value" ? Oe(n.message) : n.message : n;
}
function _e(e, n, t) {
  return n !== void 0 && (F(e.message) && !e.oneof && e.fieldKind == "message" ? n = {
    $typeName: e.message.typeName,
    value: je(e.message.fields[0], n)
  } : e.message.typeName == "google.protobuf.Struct" && e.parent.typeName != "google.protobuf.Value" && z(n) && (n = Te(n))), new Kt(e.message, n, t);
}
function Xn(e, n) {
  return e.listKind == "message" ? Pe(e, n) : $e(e, n);
}
function Je(e, n, t) {
  return e.listKind == "message" ? _e(e, n, t) : je(e, n);
}
function Go(e, n) {
  return e.mapKind == "message" ? Pe(e, n) : $e(e, n);
}
function Be(e, n, t) {
  return e.mapKind == "message" ? _e(e, n, t) : n;
}
function se(e) {
  return typeof e == "string" || typeof e == "number" ? e : String(e);
}
function An(e, n) {
  switch (n) {
    case d.STRING:
      return e;
    case d.INT32:
    case d.FIXED32:
    case d.UINT32:
    case d.SFIXED32:
    case d.SINT32: {
      const t = Number.parseInt(e);
      if (Number.isFinite(t))
        return t;
      break;
    }
    case d.BOOL:
      switch (e) {
        case "true":
          return !0;
        case "false":
          return !1;
      }
      break;
    case d.UINT64:
    case d.FIXED64:
      try {
        return f.uParse(e);
      } catch {
      }
      break;
    default:
      try {
        return f.parse(e);
      } catch {
      }
      break;
  }
  return e;
}
function je(e, n) {
  switch (e.scalar) {
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      "longAsString" in e && e.longAsString && typeof n == "string" && (n = f.parse(n));
      break;
    case d.FIXED64:
    case d.UINT64:
      "longAsString" in e && e.longAsString && typeof n == "string" && (n = f.uParse(n));
      break;
  }
  return n;
}
function $e(e, n) {
  switch (e.scalar) {
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      "longAsString" in e && e.longAsString ? n = String(n) : (typeof n == "string" || typeof n == "number") && (n = f.parse(n));
      break;
    case d.FIXED64:
    case d.UINT64:
      "longAsString" in e && e.longAsString ? n = String(n) : (typeof n == "string" || typeof n == "number") && (n = f.uParse(n));
      break;
  }
  return n;
}
const Jn = Uint8Array.prototype.setFromBase64;
function qe(e) {
  const n = e.length;
  let t = n - (n + 3 >> 2);
  (n & 3) == 0 && e[n - 1] == "=" && (t -= e[n - 2] == "=" ? 2 : 1);
  const c = new Uint8Array(t);
  let o = -1;
  if (Jn)
    try {
      const a = Jn.call(c, e);
      a.read == n && (o = a.written);
    } catch {
    }
  return o < 0 && (o = po(c, e)), o == t ? c : c.subarray(0, o);
}
function po(e, n) {
  const t = Zo();
  let c = 0, o = 0, a, s = 0;
  for (let r = 0; r < n.length; r++) {
    if (a = t[n.charCodeAt(r)], a === void 0)
      switch (n[r]) {
        // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
        case "=":
          o = 0;
        // reset state when padding found
        case `
`:
        case "\r":
        case "	":
        case " ":
          continue;
        // skip white-space, and padding
        default:
          throw Error("invalid base64 string");
      }
    switch (o) {
      case 0:
        s = a, o = 1;
        break;
      case 1:
        e[c++] = s << 2 | (a & 48) >> 4, s = a, o = 2;
        break;
      case 2:
        e[c++] = (s & 15) << 4 | (a & 60) >> 2, s = a, o = 3;
        break;
      case 3:
        e[c++] = (s & 3) << 6 | a, o = 0;
        break;
    }
  }
  if (o == 1)
    throw Error("invalid base64 string");
  return c;
}
const Bn = Uint8Array.prototype.toBase64, fo = {
  std: { alphabet: "base64", omitPadding: !1 },
  std_raw: { alphabet: "base64", omitPadding: !0 },
  url: { alphabet: "base64url", omitPadding: !0 }
};
function kt(e, n = "std") {
  if (Bn)
    return Bn.call(e, fo[n]);
  const t = vt(n), c = n == "std";
  let o = "", a = 0, s, r = 0;
  for (let i = 0; i < e.length; i++)
    switch (s = e[i], a) {
      case 0:
        o += t[s >> 2], r = (s & 3) << 4, a = 1;
        break;
      case 1:
        o += t[r | s >> 4], r = (s & 15) << 2, a = 2;
        break;
      case 2:
        o += t[r | s >> 6], o += t[s & 63], a = 0;
        break;
    }
  return a && (o += t[r], c && (o += "=", a == 1 && (o += "="))), o;
}
let re, Wn, K;
function vt(e) {
  return re || (re = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split(""), Wn = re.slice(0, -2).concat("-", "_")), e == "url" ? (
    // biome-ignore lint/style/noNonNullAssertion: TS fails to narrow down
    Wn
  ) : re;
}
function Zo() {
  if (!K) {
    K = [];
    const e = vt("std");
    for (let n = 0; n < e.length; n++)
      K[e[n].charCodeAt(0)] = n;
    K[45] = e.indexOf("+"), K[95] = e.indexOf("/");
  }
  return K;
}
function v(e) {
  let n = !1;
  const t = [];
  for (let c = 0; c < e.length; c++) {
    let o = e.charAt(c);
    switch (o) {
      case "_":
        n = !0;
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        t.push(o), n = !1;
        break;
      default:
        n && (n = !1, o = o.toUpperCase()), t.push(o);
        break;
    }
  }
  return t.join("");
}
function Qt(e) {
  return e.replace(/[A-Z]/g, (n) => "_" + n.toLowerCase());
}
const Vo = /* @__PURE__ */ new Set([
  // names reserved by JavaScript
  "constructor",
  "toString",
  "toJSON",
  "valueOf"
]);
function ee(e) {
  return Vo.has(e) ? e + "$" : e;
}
function en(e) {
  for (const n of e.field)
    $(n, "jsonName") || (n.jsonName = v(n.name));
  e.nestedType.forEach(en);
}
function Co(e, n) {
  const t = e.values.find((c) => c.name === n);
  if (!t)
    throw new Error(`cannot parse ${e} default value: ${n}`);
  return t.number;
}
function Xo(e, n) {
  switch (e) {
    case d.STRING:
      return n;
    case d.BYTES: {
      const t = Ao(n);
      if (t === !1)
        throw new Error(`cannot parse ${d[e]} default value: ${n}`);
      return t;
    }
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      return f.parse(n);
    case d.UINT64:
    case d.FIXED64:
      return f.uParse(n);
    case d.DOUBLE:
    case d.FLOAT:
      switch (n) {
        case "inf":
          return Number.POSITIVE_INFINITY;
        case "-inf":
          return Number.NEGATIVE_INFINITY;
        case "nan":
          return Number.NaN;
        default:
          return parseFloat(n);
      }
    case d.BOOL:
      return n === "true";
    case d.INT32:
    case d.UINT32:
    case d.SINT32:
    case d.FIXED32:
    case d.SFIXED32:
      return parseInt(n, 10);
  }
}
function Ao(e) {
  const n = [], t = {
    tail: e,
    c: "",
    next() {
      return this.tail.length == 0 ? !1 : (this.c = this.tail[0], this.tail = this.tail.substring(1), !0);
    },
    take(c) {
      if (this.tail.length >= c) {
        const o = this.tail.substring(0, c);
        return this.tail = this.tail.substring(c), o;
      }
      return !1;
    }
  };
  for (; t.next(); )
    switch (t.c) {
      case "\\":
        if (t.next())
          switch (t.c) {
            case "\\":
              n.push(t.c.charCodeAt(0));
              break;
            case "b":
              n.push(8);
              break;
            case "f":
              n.push(12);
              break;
            case "n":
              n.push(10);
              break;
            case "r":
              n.push(13);
              break;
            case "t":
              n.push(9);
              break;
            case "v":
              n.push(11);
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7": {
              const c = t.c, o = t.take(2);
              if (o === !1)
                return !1;
              const a = parseInt(c + o, 8);
              if (Number.isNaN(a))
                return !1;
              n.push(a);
              break;
            }
            case "x": {
              const c = t.c, o = t.take(2);
              if (o === !1)
                return !1;
              const a = parseInt(c + o, 16);
              if (Number.isNaN(a))
                return !1;
              n.push(a);
              break;
            }
            case "u": {
              const c = t.c, o = t.take(4);
              if (o === !1)
                return !1;
              const a = parseInt(c + o, 16);
              if (Number.isNaN(a))
                return !1;
              const s = new Uint8Array(4);
              new DataView(s.buffer).setInt32(0, a, !0), n.push(s[0], s[1], s[2], s[3]);
              break;
            }
            case "U": {
              const c = t.c, o = t.take(8);
              if (o === !1)
                return !1;
              const a = f.uEnc(c + o), s = new Uint8Array(8), r = new DataView(s.buffer);
              r.setInt32(0, a.lo, !0), r.setInt32(4, a.hi, !0), n.push(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
              break;
            }
          }
        break;
      default:
        n.push(t.c.charCodeAt(0));
    }
  return new Uint8Array(n);
}
function* Ne(e) {
  switch (e.kind) {
    case "file":
      for (const n of e.messages)
        yield n, yield* Ne(n);
      yield* e.enums, yield* e.services, yield* e.extensions;
      break;
    case "message":
      for (const n of e.nestedMessages)
        yield n, yield* Ne(n);
      yield* e.nestedEnums, yield* e.nestedExtensions;
      break;
  }
}
function Ut(e, n) {
  return Jo([e, n]);
}
function Jo(e, n) {
  const t = Bo();
  if (!e.length)
    return t;
  if ("$typeName" in e[0] && e[0].$typeName == "google.protobuf.FileDescriptorSet") {
    for (const c of e[0].file)
      Yn(c, t);
    return t;
  }
  if ("$typeName" in e[0]) {
    let s = function(r) {
      const i = [];
      for (const l of r.dependency) {
        if (t.getFile(l) != null || a.has(l))
          continue;
        const u = o(l);
        if (!u)
          throw new Error(`Unable to resolve ${l}, imported by ${r.name}`);
        "kind" in u ? t.addFile(u, !1, !0) : (a.add(u.name), i.push(u));
      }
      return i.concat(...i.map(s));
    };
    const c = e[0], o = e[1], a = /* @__PURE__ */ new Set();
    for (const r of [c, ...s(c)].reverse())
      Yn(r, t);
  } else
    for (const c of e)
      for (const o of c.files)
        t.addFile(o);
  return t;
}
function Bo() {
  const e = /* @__PURE__ */ new Map(), n = /* @__PURE__ */ new Map(), t = /* @__PURE__ */ new Map();
  return {
    kind: "registry",
    types: e,
    extendees: n,
    [Symbol.iterator]() {
      return e.values();
    },
    get files() {
      return t.values();
    },
    addFile(c, o, a) {
      if (t.set(c.proto.name, c), !o)
        for (const s of Ne(c))
          this.add(s);
      if (a)
        for (const s of c.dependencies)
          this.addFile(s, o, a);
    },
    add(c) {
      if (c.kind == "extension") {
        let o = n.get(c.extendee.typeName);
        o || n.set(
          c.extendee.typeName,
          // biome-ignore lint/suspicious/noAssignInExpressions: no
          o = /* @__PURE__ */ new Map()
        ), o.set(c.number, c);
      }
      e.set(c.typeName, c);
    },
    get(c) {
      return e.get(c);
    },
    getFile(c) {
      return t.get(c);
    },
    getMessage(c) {
      const o = e.get(c);
      return o?.kind == "message" ? o : void 0;
    },
    getEnum(c) {
      const o = e.get(c);
      return o?.kind == "enum" ? o : void 0;
    },
    getExtension(c) {
      const o = e.get(c);
      return o?.kind == "extension" ? o : void 0;
    },
    getExtensionFor(c, o) {
      var a;
      return (a = n.get(c.typeName)) === null || a === void 0 ? void 0 : a.get(o);
    },
    getService(c) {
      const o = e.get(c);
      return o?.kind == "service" ? o : void 0;
    }
  };
}
const Wo = 998, So = 999, Ro = 9999, No = 9, ne = 10, j = 11, Yo = 12, Sn = 14, nn = 3, xo = 2, Rn = 1, Eo = 0, We = 1, Nn = 2, Ho = 3, zo = 1, wo = 2, Mo = 1, Fo = 2, Lo = 1002, Dt = {
  // EDITION_PROTO2
  998: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 2,
    // CLOSED,
    repeatedFieldEncoding: 2,
    // EXPANDED,
    utf8Validation: 3,
    // NONE,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 2,
    // LEGACY_BEST_EFFORT,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_PROTO3
  999: {
    fieldPresence: 2,
    // IMPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2023
  1e3: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2024
  1001: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 1,
    // STYLE2024,
    defaultSymbolVisibility: 2,
    // EXPORT_TOP_LEVEL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2026
  1002: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 3,
    // STYLE2026,
    defaultSymbolVisibility: 4,
    // STRICT,
    enforceProtoLimits: 2
    // PROTO_LIMITS2026,
  }
};
function Yn(e, n) {
  var t, c;
  const o = {
    kind: "file",
    proto: e,
    deprecated: (c = (t = e.options) === null || t === void 0 ? void 0 : t.deprecated) !== null && c !== void 0 ? c : !1,
    edition: Qo(e),
    name: e.name.replace(/\.proto$/, ""),
    dependencies: Uo(e, n),
    enums: [],
    messages: [],
    extensions: [],
    services: [],
    toString() {
      return `file ${e.name}`;
    }
  }, a = /* @__PURE__ */ new Map(), s = {
    get(r) {
      return a.get(r);
    },
    add(r) {
      var i;
      S(((i = r.proto.options) === null || i === void 0 ? void 0 : i.mapEntry) === !0), a.set(r.typeName, r);
    }
  };
  for (const r of e.enumType)
    Tt(r, o, void 0, n);
  for (const r of e.messageType)
    Ot(r, o, void 0, n, s);
  for (const r of e.service)
    Ko(r, o, n);
  Ye(o, n);
  for (const r of a.values())
    xe(r, n, s);
  for (const r of o.messages)
    xe(r, n, s), Ye(r, n);
  n.addFile(o, !0);
}
function Ye(e, n) {
  switch (e.kind) {
    case "file":
      for (const t of e.proto.extension) {
        const c = Ee(t, e, n);
        e.extensions.push(c), n.add(c);
      }
      break;
    case "message":
      for (const t of e.proto.extension) {
        const c = Ee(t, e, n);
        e.nestedExtensions.push(c), n.add(c);
      }
      for (const t of e.nestedMessages)
        Ye(t, n);
      break;
  }
}
function xe(e, n, t) {
  const c = e.proto.oneofDecl.map((a) => vo(a, e)), o = /* @__PURE__ */ new Set();
  for (const a of e.proto.field) {
    const s = Po(a, c), r = Ee(a, e, n, s, t);
    e.fields.push(r), e.field[r.localName] = r, s === void 0 ? e.members.push(r) : (s.fields.push(r), o.has(s) || (o.add(s), e.members.push(s)));
  }
  for (const a of c.filter((s) => o.has(s)))
    e.oneofs.push(a);
  for (const a of e.nestedMessages)
    xe(a, n, t);
}
function Tt(e, n, t, c) {
  var o, a, s, r, i, l, u, g, y;
  const m = Do(e.name, e.value), b = {
    kind: "enum",
    proto: e,
    deprecated: (a = (o = e.options) === null || o === void 0 ? void 0 : o.deprecated) !== null && a !== void 0 ? a : !1,
    file: n,
    parent: t,
    open: !0,
    name: e.name,
    typeName: Ie(e, t, n),
    value: {},
    values: [],
    sharedPrefix: m,
    toString() {
      return `enum ${this.typeName}`;
    }
  };
  b.open = qo(b), c.add(b);
  for (const h of e.value) {
    const I = h.name, G = {
      kind: "enum_value",
      proto: h,
      deprecated: (r = (s = h.options) === null || s === void 0 ? void 0 : s.deprecated) !== null && r !== void 0 ? r : !1,
      parent: b,
      name: I,
      localName: ee(m == null ? I : I.substring(m.length)),
      number: h.number,
      jsonName: (i = To(h)) !== null && i !== void 0 ? i : I,
      toString() {
        return `enum value ${b.typeName}.${I}`;
      }
    };
    b.values.push(G), (l = (g = b.value)[y = h.number]) !== null && l !== void 0 || (g[y] = G);
  }
  ((u = t?.nestedEnums) !== null && u !== void 0 ? u : n.enums).push(b);
}
function Ot(e, n, t, c, o) {
  var a, s, r, i;
  const l = {
    kind: "message",
    proto: e,
    deprecated: (s = (a = e.options) === null || a === void 0 ? void 0 : a.deprecated) !== null && s !== void 0 ? s : !1,
    file: n,
    parent: t,
    name: e.name,
    typeName: Ie(e, t, n),
    fields: [],
    field: {},
    oneofs: [],
    members: [],
    nestedEnums: [],
    nestedMessages: [],
    nestedExtensions: [],
    toString() {
      return `message ${this.typeName}`;
    }
  };
  ((r = e.options) === null || r === void 0 ? void 0 : r.mapEntry) === !0 ? o.add(l) : (((i = t?.nestedMessages) !== null && i !== void 0 ? i : n.messages).push(l), c.add(l));
  for (const u of e.enumType)
    Tt(u, n, l, c);
  for (const u of e.nestedType)
    Ot(u, n, l, c, o);
}
function Ko(e, n, t) {
  var c, o;
  const a = {
    kind: "service",
    proto: e,
    deprecated: (o = (c = e.options) === null || c === void 0 ? void 0 : c.deprecated) !== null && o !== void 0 ? o : !1,
    file: n,
    name: e.name,
    typeName: Ie(e, void 0, n),
    methods: [],
    method: {},
    toString() {
      return `service ${this.typeName}`;
    }
  };
  n.services.push(a), t.add(a);
  for (const s of e.method) {
    const r = ko(s, a, t);
    a.methods.push(r), a.method[r.localName] = r;
  }
}
function ko(e, n, t) {
  var c, o, a, s;
  let r;
  e.clientStreaming && e.serverStreaming ? r = "bidi_streaming" : e.clientStreaming ? r = "client_streaming" : e.serverStreaming ? r = "server_streaming" : r = "unary";
  const i = t.getMessage(E(e.inputType)), l = t.getMessage(E(e.outputType));
  S(i, `invalid MethodDescriptorProto: input_type ${e.inputType} not found`), S(l, `invalid MethodDescriptorProto: output_type ${e.inputType} not found`);
  const u = e.name;
  return {
    kind: "rpc",
    proto: e,
    deprecated: (o = (c = e.options) === null || c === void 0 ? void 0 : c.deprecated) !== null && o !== void 0 ? o : !1,
    parent: n,
    name: u,
    localName: ee(u.length ? ee(u[0].toLowerCase() + u.substring(1)) : u),
    methodKind: r,
    input: i,
    output: l,
    idempotency: (s = (a = e.options) === null || a === void 0 ? void 0 : a.idempotencyLevel) !== null && s !== void 0 ? s : Eo,
    toString() {
      return `rpc ${n.typeName}.${u}`;
    }
  };
}
function vo(e, n) {
  return {
    kind: "oneof",
    proto: e,
    deprecated: !1,
    parent: n,
    fields: [],
    name: e.name,
    localName: ee(v(e.name)),
    toString() {
      return `oneof ${n.typeName}.${this.name}`;
    }
  };
}
function Ee(e, n, t, c, o) {
  var a, s, r;
  const i = o === void 0, l = {
    kind: "field",
    proto: e,
    deprecated: (s = (a = e.options) === null || a === void 0 ? void 0 : a.deprecated) !== null && s !== void 0 ? s : !1,
    name: e.name,
    number: e.number,
    scalar: void 0,
    message: void 0,
    enum: void 0,
    presence: _o(e, c, i, n),
    utf8Validation: ea(e, n),
    listKind: void 0,
    mapKind: void 0,
    mapKey: void 0,
    delimitedEncoding: void 0,
    packed: void 0,
    longAsString: !1,
    getDefaultValue: void 0
  };
  let u;
  if (i) {
    const b = n.kind == "file" ? n : n.file, h = n.kind == "file" ? void 0 : n, I = Ie(e, h, b);
    l.kind = "extension", l.file = b, l.parent = h, l.oneof = void 0, l.typeName = I, l.jsonName = `[${I}]`, u = () => `extension ${I}`;
    const G = t.getMessage(E(e.extendee));
    S(G, `invalid FieldDescriptorProto: extendee ${e.extendee} not found`), l.extendee = G;
  } else {
    const b = n;
    S(b.kind == "message"), l.parent = b, l.oneof = c, l.localName = c ? v(e.name) : ee(v(e.name)), l.jsonName = e.jsonName, u = () => `field ${b.typeName}.${e.name}`;
  }
  Object.defineProperty(l, "toString", {
    value: u,
    writable: !0,
    enumerable: !0,
    configurable: !0
  });
  const g = e.label, y = e.type, m = (r = e.options) === null || r === void 0 ? void 0 : r.jstype;
  if (g === nn) {
    const b = y == j ? o?.get(E(e.typeName)) : void 0;
    if (b) {
      l.fieldKind = "map";
      const { key: h, value: I } = $o(b);
      return l.mapKey = h.scalar, l.mapKind = I.fieldKind, l.message = I.message, l.delimitedEncoding = !1, l.enum = I.enum, l.scalar = I.scalar, l;
    }
    switch (l.fieldKind = "list", y) {
      case j:
      case ne:
        l.listKind = "message", l.message = t.getMessage(E(e.typeName)), S(l.message), l.delimitedEncoding = xn(e, n);
        break;
      case Sn:
        l.listKind = "enum", l.enum = t.getEnum(E(e.typeName)), S(l.enum);
        break;
      default:
        l.listKind = "scalar", l.scalar = y, l.longAsString = m == Rn;
        break;
    }
    return l.packed = jo(e, n), l;
  }
  switch (y) {
    case j:
    case ne:
      l.fieldKind = "message", l.message = t.getMessage(E(e.typeName)), S(l.message, `invalid FieldDescriptorProto: type_name ${e.typeName} not found`), l.delimitedEncoding = xn(e, n), l.getDefaultValue = () => {
      };
      break;
    case Sn: {
      const b = t.getEnum(E(e.typeName));
      S(b !== void 0, `invalid FieldDescriptorProto: type_name ${e.typeName} not found`), l.fieldKind = "enum", l.enum = t.getEnum(E(e.typeName)), l.getDefaultValue = () => $(e, "defaultValue") ? Co(b, e.defaultValue) : void 0;
      break;
    }
    default: {
      l.fieldKind = "scalar", l.scalar = y, l.longAsString = m == Rn, l.getDefaultValue = () => $(e, "defaultValue") ? Xo(y, e.defaultValue) : void 0;
      break;
    }
  }
  return l;
}
function Qo(e) {
  switch (e.syntax) {
    case "":
    case "proto2":
      return Wo;
    case "proto3":
      return So;
    case "editions":
      if (e.edition === Ro)
        return Lo;
      if (e.edition in Dt)
        return e.edition;
      throw new Error(`${e.name}: unsupported edition`);
    default:
      throw new Error(`${e.name}: unsupported syntax "${e.syntax}"`);
  }
}
function Uo(e, n) {
  return e.dependency.map((t) => {
    const c = n.getFile(t);
    if (!c)
      throw new Error(`Cannot find ${t}, imported by ${e.name}`);
    return c;
  });
}
function Do(e, n) {
  const t = Oo(e) + "_";
  for (const c of n) {
    if (!c.name.toLowerCase().startsWith(t))
      return;
    const o = c.name.substring(t.length);
    if (o.length == 0 || /^\d/.test(o))
      return;
  }
  return t;
}
function To(e) {
  var n, t;
  let a;
  for (const s of (t = (n = e.options) === null || n === void 0 ? void 0 : n.$unknown) !== null && t !== void 0 ? t : []) {
    if (s.no !== 998 || s.wireType !== V.LengthDelimited)
      continue;
    const r = new q(new q(s.data).bytes());
    for (; r.pos < r.len; ) {
      const [i, l] = r.tag();
      i === 1 && l === V.LengthDelimited ? a = r.string() : r.skip(l, i);
    }
  }
  return a;
}
function Oo(e) {
  return (e.substring(0, 1) + e.substring(1).replace(/[A-Z]/g, (n) => "_" + n)).toLowerCase();
}
function Ie(e, n, t) {
  let c;
  return n ? c = `${n.typeName}.${e.name}` : t.proto.package.length > 0 ? c = `${t.proto.package}.${e.name}` : c = `${e.name}`, c;
}
function E(e) {
  return e.startsWith(".") ? e.substring(1) : e;
}
function Po(e, n) {
  if (!$(e, "oneofIndex") || e.proto3Optional)
    return;
  const t = n[e.oneofIndex];
  return S(t, `invalid FieldDescriptorProto: oneof #${e.oneofIndex} for field #${e.number} not found`), t;
}
function _o(e, n, t, c) {
  if (e.label == xo)
    return Ho;
  if (e.label == nn)
    return Nn;
  if (n || e.proto3Optional || t)
    return We;
  const o = M("fieldPresence", { proto: e, parent: c });
  return o == Nn && (e.type == j || e.type == ne) ? We : o;
}
function jo(e, n) {
  if (e.label != nn)
    return !1;
  switch (e.type) {
    case No:
    case Yo:
    case ne:
    case j:
      return !1;
  }
  const t = e.options;
  return t && $(t, "packed") ? t.packed : zo == M("repeatedFieldEncoding", {
    proto: e,
    parent: n
  });
}
function $o(e) {
  const n = e.fields.find((c) => c.number === 1), t = e.fields.find((c) => c.number === 2);
  return S(n && n.fieldKind == "scalar" && n.scalar != d.BYTES && n.scalar != d.FLOAT && n.scalar != d.DOUBLE && t && t.fieldKind != "list" && t.fieldKind != "map"), { key: n, value: t };
}
function qo(e) {
  var n;
  return Mo == M("enumType", {
    proto: e.proto,
    parent: (n = e.parent) !== null && n !== void 0 ? n : e.file
  });
}
function xn(e, n) {
  return e.type == ne ? !0 : wo == M("messageEncoding", {
    proto: e,
    parent: n
  });
}
function ea(e, n) {
  return Fo == M("utf8Validation", {
    proto: e,
    parent: n
  });
}
function M(e, n) {
  var t, c;
  const o = (t = n.proto.options) === null || t === void 0 ? void 0 : t.features;
  if (o) {
    const a = o[e];
    if (a != 0)
      return a;
  }
  if ("kind" in n) {
    if (n.kind == "message")
      return M(e, (c = n.parent) !== null && c !== void 0 ? c : n.file);
    const a = Dt[n.edition];
    if (!a)
      throw new Error(`feature default for edition ${n.edition} not found`);
    return a[e];
  }
  return M(e, n.parent);
}
function S(e, n) {
  if (!e)
    throw new Error(n);
}
function na(e) {
  const n = ta(e);
  return n.messageType.forEach(en), Ut(n, () => {
  }).getFile(n.name);
}
function ta(e) {
  return Object.assign(/* @__PURE__ */ Object.create({
    syntax: "",
    edition: 0
  }), Object.assign(Object.assign({ $typeName: "google.protobuf.FileDescriptorProto", dependency: [], publicDependency: [], weakDependency: [], optionDependency: [], service: [], extension: [] }, e), { messageType: e.messageType.map(Pt), enumType: e.enumType.map(_t) }));
}
function Pt(e) {
  var n, t, c, o, a, s, r, i;
  return Object.assign(/* @__PURE__ */ Object.create({
    visibility: 0
  }), {
    $typeName: "google.protobuf.DescriptorProto",
    name: e.name,
    field: (t = (n = e.field) === null || n === void 0 ? void 0 : n.map(ca)) !== null && t !== void 0 ? t : [],
    extension: [],
    nestedType: (o = (c = e.nestedType) === null || c === void 0 ? void 0 : c.map(Pt)) !== null && o !== void 0 ? o : [],
    enumType: (s = (a = e.enumType) === null || a === void 0 ? void 0 : a.map(_t)) !== null && s !== void 0 ? s : [],
    extensionRange: (i = (r = e.extensionRange) === null || r === void 0 ? void 0 : r.map((u) => Object.assign({ $typeName: "google.protobuf.DescriptorProto.ExtensionRange" }, u))) !== null && i !== void 0 ? i : [],
    oneofDecl: [],
    reservedRange: [],
    reservedName: []
  });
}
function ca(e) {
  return Object.assign(/* @__PURE__ */ Object.create({
    label: 1,
    typeName: "",
    extendee: "",
    defaultValue: "",
    oneofIndex: 0,
    jsonName: "",
    proto3Optional: !1
  }), Object.assign(Object.assign({ $typeName: "google.protobuf.FieldDescriptorProto" }, e), { options: e.options ? oa(e.options) : void 0 }));
}
function oa(e) {
  var n, t, c;
  return Object.assign(/* @__PURE__ */ Object.create({
    ctype: 0,
    packed: !1,
    jstype: 0,
    lazy: !1,
    unverifiedLazy: !1,
    deprecated: !1,
    weak: !1,
    debugRedact: !1,
    retention: 0
  }), Object.assign(Object.assign({ $typeName: "google.protobuf.FieldOptions" }, e), { targets: (n = e.targets) !== null && n !== void 0 ? n : [], editionDefaults: (c = (t = e.editionDefaults) === null || t === void 0 ? void 0 : t.map((a) => Object.assign({ $typeName: "google.protobuf.FieldOptions.EditionDefault" }, a))) !== null && c !== void 0 ? c : [], uninterpretedOption: [] }));
}
function _t(e) {
  return Object.assign(/* @__PURE__ */ Object.create({
    visibility: 0
  }), {
    $typeName: "google.protobuf.EnumDescriptorProto",
    name: e.name,
    reservedName: [],
    reservedRange: [],
    value: e.value.map((t) => Object.assign({ $typeName: "google.protobuf.EnumValueDescriptorProto" }, t))
  });
}
function oe(e, n, ...t) {
  return t.reduce((c, o) => c.nestedMessages[o], e.messages[n]);
}
const jt = /* @__PURE__ */ na({ name: "google/protobuf/descriptor.proto", package: "google.protobuf", messageType: [{ name: "FileDescriptorSet", field: [{ name: "file", number: 1, type: 11, label: 3, typeName: ".google.protobuf.FileDescriptorProto" }], extensionRange: [{ start: 536e6, end: 536000001 }] }, { name: "FileDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "package", number: 2, type: 9, label: 1 }, { name: "dependency", number: 3, type: 9, label: 3 }, { name: "public_dependency", number: 10, type: 5, label: 3 }, { name: "weak_dependency", number: 11, type: 5, label: 3 }, { name: "option_dependency", number: 15, type: 9, label: 3 }, { name: "message_type", number: 4, type: 11, label: 3, typeName: ".google.protobuf.DescriptorProto" }, { name: "enum_type", number: 5, type: 11, label: 3, typeName: ".google.protobuf.EnumDescriptorProto" }, { name: "service", number: 6, type: 11, label: 3, typeName: ".google.protobuf.ServiceDescriptorProto" }, { name: "extension", number: 7, type: 11, label: 3, typeName: ".google.protobuf.FieldDescriptorProto" }, { name: "options", number: 8, type: 11, label: 1, typeName: ".google.protobuf.FileOptions" }, { name: "source_code_info", number: 9, type: 11, label: 1, typeName: ".google.protobuf.SourceCodeInfo" }, { name: "syntax", number: 12, type: 9, label: 1 }, { name: "edition", number: 14, type: 14, label: 1, typeName: ".google.protobuf.Edition" }] }, { name: "DescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "field", number: 2, type: 11, label: 3, typeName: ".google.protobuf.FieldDescriptorProto" }, { name: "extension", number: 6, type: 11, label: 3, typeName: ".google.protobuf.FieldDescriptorProto" }, { name: "nested_type", number: 3, type: 11, label: 3, typeName: ".google.protobuf.DescriptorProto" }, { name: "enum_type", number: 4, type: 11, label: 3, typeName: ".google.protobuf.EnumDescriptorProto" }, { name: "extension_range", number: 5, type: 11, label: 3, typeName: ".google.protobuf.DescriptorProto.ExtensionRange" }, { name: "oneof_decl", number: 8, type: 11, label: 3, typeName: ".google.protobuf.OneofDescriptorProto" }, { name: "options", number: 7, type: 11, label: 1, typeName: ".google.protobuf.MessageOptions" }, { name: "reserved_range", number: 9, type: 11, label: 3, typeName: ".google.protobuf.DescriptorProto.ReservedRange" }, { name: "reserved_name", number: 10, type: 9, label: 3 }, { name: "visibility", number: 11, type: 14, label: 1, typeName: ".google.protobuf.SymbolVisibility" }], nestedType: [{ name: "ExtensionRange", field: [{ name: "start", number: 1, type: 5, label: 1 }, { name: "end", number: 2, type: 5, label: 1 }, { name: "options", number: 3, type: 11, label: 1, typeName: ".google.protobuf.ExtensionRangeOptions" }] }, { name: "ReservedRange", field: [{ name: "start", number: 1, type: 5, label: 1 }, { name: "end", number: 2, type: 5, label: 1 }] }] }, { name: "ExtensionRangeOptions", field: [{ name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }, { name: "declaration", number: 2, type: 11, label: 3, typeName: ".google.protobuf.ExtensionRangeOptions.Declaration", options: { retention: 2 } }, { name: "features", number: 50, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "verification", number: 3, type: 14, label: 1, typeName: ".google.protobuf.ExtensionRangeOptions.VerificationState", defaultValue: "UNVERIFIED", options: { retention: 2 } }], nestedType: [{ name: "Declaration", field: [{ name: "number", number: 1, type: 5, label: 1 }, { name: "full_name", number: 2, type: 9, label: 1 }, { name: "type", number: 3, type: 9, label: 1 }, { name: "reserved", number: 5, type: 8, label: 1 }, { name: "repeated", number: 6, type: 8, label: 1 }] }], enumType: [{ name: "VerificationState", value: [{ name: "DECLARATION", number: 0 }, { name: "UNVERIFIED", number: 1 }] }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "FieldDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "number", number: 3, type: 5, label: 1 }, { name: "label", number: 4, type: 14, label: 1, typeName: ".google.protobuf.FieldDescriptorProto.Label" }, { name: "type", number: 5, type: 14, label: 1, typeName: ".google.protobuf.FieldDescriptorProto.Type" }, { name: "type_name", number: 6, type: 9, label: 1 }, { name: "extendee", number: 2, type: 9, label: 1 }, { name: "default_value", number: 7, type: 9, label: 1 }, { name: "oneof_index", number: 9, type: 5, label: 1 }, { name: "json_name", number: 10, type: 9, label: 1 }, { name: "options", number: 8, type: 11, label: 1, typeName: ".google.protobuf.FieldOptions" }, { name: "proto3_optional", number: 17, type: 8, label: 1 }], enumType: [{ name: "Type", value: [{ name: "TYPE_DOUBLE", number: 1 }, { name: "TYPE_FLOAT", number: 2 }, { name: "TYPE_INT64", number: 3 }, { name: "TYPE_UINT64", number: 4 }, { name: "TYPE_INT32", number: 5 }, { name: "TYPE_FIXED64", number: 6 }, { name: "TYPE_FIXED32", number: 7 }, { name: "TYPE_BOOL", number: 8 }, { name: "TYPE_STRING", number: 9 }, { name: "TYPE_GROUP", number: 10 }, { name: "TYPE_MESSAGE", number: 11 }, { name: "TYPE_BYTES", number: 12 }, { name: "TYPE_UINT32", number: 13 }, { name: "TYPE_ENUM", number: 14 }, { name: "TYPE_SFIXED32", number: 15 }, { name: "TYPE_SFIXED64", number: 16 }, { name: "TYPE_SINT32", number: 17 }, { name: "TYPE_SINT64", number: 18 }] }, { name: "Label", value: [{ name: "LABEL_OPTIONAL", number: 1 }, { name: "LABEL_REPEATED", number: 3 }, { name: "LABEL_REQUIRED", number: 2 }] }] }, { name: "OneofDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "options", number: 2, type: 11, label: 1, typeName: ".google.protobuf.OneofOptions" }] }, { name: "EnumDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "value", number: 2, type: 11, label: 3, typeName: ".google.protobuf.EnumValueDescriptorProto" }, { name: "options", number: 3, type: 11, label: 1, typeName: ".google.protobuf.EnumOptions" }, { name: "reserved_range", number: 4, type: 11, label: 3, typeName: ".google.protobuf.EnumDescriptorProto.EnumReservedRange" }, { name: "reserved_name", number: 5, type: 9, label: 3 }, { name: "visibility", number: 6, type: 14, label: 1, typeName: ".google.protobuf.SymbolVisibility" }], nestedType: [{ name: "EnumReservedRange", field: [{ name: "start", number: 1, type: 5, label: 1 }, { name: "end", number: 2, type: 5, label: 1 }] }] }, { name: "EnumValueDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "number", number: 2, type: 5, label: 1 }, { name: "options", number: 3, type: 11, label: 1, typeName: ".google.protobuf.EnumValueOptions" }] }, { name: "ServiceDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "method", number: 2, type: 11, label: 3, typeName: ".google.protobuf.MethodDescriptorProto" }, { name: "options", number: 3, type: 11, label: 1, typeName: ".google.protobuf.ServiceOptions" }] }, { name: "MethodDescriptorProto", field: [{ name: "name", number: 1, type: 9, label: 1 }, { name: "input_type", number: 2, type: 9, label: 1 }, { name: "output_type", number: 3, type: 9, label: 1 }, { name: "options", number: 4, type: 11, label: 1, typeName: ".google.protobuf.MethodOptions" }, { name: "client_streaming", number: 5, type: 8, label: 1, defaultValue: "false" }, { name: "server_streaming", number: 6, type: 8, label: 1, defaultValue: "false" }] }, { name: "FileOptions", field: [{ name: "java_package", number: 1, type: 9, label: 1 }, { name: "java_outer_classname", number: 8, type: 9, label: 1 }, { name: "java_multiple_files", number: 10, type: 8, label: 1, defaultValue: "false", options: {} }, { name: "java_generate_equals_and_hash", number: 20, type: 8, label: 1, options: { deprecated: !0 } }, { name: "java_string_check_utf8", number: 27, type: 8, label: 1, defaultValue: "false" }, { name: "optimize_for", number: 9, type: 14, label: 1, typeName: ".google.protobuf.FileOptions.OptimizeMode", defaultValue: "SPEED" }, { name: "go_package", number: 11, type: 9, label: 1 }, { name: "cc_generic_services", number: 16, type: 8, label: 1, defaultValue: "false" }, { name: "java_generic_services", number: 17, type: 8, label: 1, defaultValue: "false" }, { name: "py_generic_services", number: 18, type: 8, label: 1, defaultValue: "false" }, { name: "deprecated", number: 23, type: 8, label: 1, defaultValue: "false" }, { name: "cc_enable_arenas", number: 31, type: 8, label: 1, defaultValue: "true", options: {} }, { name: "objc_class_prefix", number: 36, type: 9, label: 1 }, { name: "csharp_namespace", number: 37, type: 9, label: 1 }, { name: "swift_prefix", number: 39, type: 9, label: 1 }, { name: "php_class_prefix", number: 40, type: 9, label: 1 }, { name: "php_namespace", number: 41, type: 9, label: 1 }, { name: "php_metadata_namespace", number: 44, type: 9, label: 1 }, { name: "ruby_package", number: 45, type: 9, label: 1 }, { name: "features", number: 50, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], enumType: [{ name: "OptimizeMode", value: [{ name: "SPEED", number: 1 }, { name: "CODE_SIZE", number: 2 }, { name: "LITE_RUNTIME", number: 3 }] }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "MessageOptions", field: [{ name: "message_set_wire_format", number: 1, type: 8, label: 1, defaultValue: "false" }, { name: "no_standard_descriptor_accessor", number: 2, type: 8, label: 1, defaultValue: "false" }, { name: "deprecated", number: 3, type: 8, label: 1, defaultValue: "false" }, { name: "map_entry", number: 7, type: 8, label: 1 }, { name: "deprecated_legacy_json_field_conflicts", number: 11, type: 8, label: 1, options: { deprecated: !0 } }, { name: "features", number: 12, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "FieldOptions", field: [{ name: "ctype", number: 1, type: 14, label: 1, typeName: ".google.protobuf.FieldOptions.CType", defaultValue: "STRING" }, { name: "packed", number: 2, type: 8, label: 1 }, { name: "jstype", number: 6, type: 14, label: 1, typeName: ".google.protobuf.FieldOptions.JSType", defaultValue: "JS_NORMAL" }, { name: "lazy", number: 5, type: 8, label: 1, defaultValue: "false" }, { name: "unverified_lazy", number: 15, type: 8, label: 1, defaultValue: "false" }, { name: "deprecated", number: 3, type: 8, label: 1, defaultValue: "false" }, { name: "weak", number: 10, type: 8, label: 1, defaultValue: "false", options: { deprecated: !0 } }, { name: "debug_redact", number: 16, type: 8, label: 1, defaultValue: "false" }, { name: "retention", number: 17, type: 14, label: 1, typeName: ".google.protobuf.FieldOptions.OptionRetention" }, { name: "targets", number: 19, type: 14, label: 3, typeName: ".google.protobuf.FieldOptions.OptionTargetType" }, { name: "edition_defaults", number: 20, type: 11, label: 3, typeName: ".google.protobuf.FieldOptions.EditionDefault" }, { name: "features", number: 21, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "feature_support", number: 22, type: 11, label: 1, typeName: ".google.protobuf.FieldOptions.FeatureSupport" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], nestedType: [{ name: "EditionDefault", field: [{ name: "edition", number: 3, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "value", number: 2, type: 9, label: 1 }] }, { name: "FeatureSupport", field: [{ name: "edition_introduced", number: 1, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "edition_deprecated", number: 2, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "deprecation_warning", number: 3, type: 9, label: 1 }, { name: "edition_removed", number: 4, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "removal_error", number: 5, type: 9, label: 1 }] }], enumType: [{ name: "CType", value: [{ name: "STRING", number: 0 }, { name: "CORD", number: 1 }, { name: "STRING_PIECE", number: 2 }] }, { name: "JSType", value: [{ name: "JS_NORMAL", number: 0 }, { name: "JS_STRING", number: 1 }, { name: "JS_NUMBER", number: 2 }] }, { name: "OptionRetention", value: [{ name: "RETENTION_UNKNOWN", number: 0 }, { name: "RETENTION_RUNTIME", number: 1 }, { name: "RETENTION_SOURCE", number: 2 }] }, { name: "OptionTargetType", value: [{ name: "TARGET_TYPE_UNKNOWN", number: 0 }, { name: "TARGET_TYPE_FILE", number: 1 }, { name: "TARGET_TYPE_EXTENSION_RANGE", number: 2 }, { name: "TARGET_TYPE_MESSAGE", number: 3 }, { name: "TARGET_TYPE_FIELD", number: 4 }, { name: "TARGET_TYPE_ONEOF", number: 5 }, { name: "TARGET_TYPE_ENUM", number: 6 }, { name: "TARGET_TYPE_ENUM_ENTRY", number: 7 }, { name: "TARGET_TYPE_SERVICE", number: 8 }, { name: "TARGET_TYPE_METHOD", number: 9 }] }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "OneofOptions", field: [{ name: "features", number: 1, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "EnumOptions", field: [{ name: "allow_alias", number: 2, type: 8, label: 1 }, { name: "deprecated", number: 3, type: 8, label: 1, defaultValue: "false" }, { name: "deprecated_legacy_json_field_conflicts", number: 6, type: 8, label: 1, options: { deprecated: !0 } }, { name: "features", number: 7, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "EnumValueOptions", field: [{ name: "deprecated", number: 1, type: 8, label: 1, defaultValue: "false" }, { name: "features", number: 2, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "debug_redact", number: 3, type: 8, label: 1, defaultValue: "false" }, { name: "feature_support", number: 4, type: 11, label: 1, typeName: ".google.protobuf.FieldOptions.FeatureSupport" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "ServiceOptions", field: [{ name: "features", number: 34, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "deprecated", number: 33, type: 8, label: 1, defaultValue: "false" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "MethodOptions", field: [{ name: "deprecated", number: 33, type: 8, label: 1, defaultValue: "false" }, { name: "idempotency_level", number: 34, type: 14, label: 1, typeName: ".google.protobuf.MethodOptions.IdempotencyLevel", defaultValue: "IDEMPOTENCY_UNKNOWN" }, { name: "features", number: 35, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "uninterpreted_option", number: 999, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption" }], enumType: [{ name: "IdempotencyLevel", value: [{ name: "IDEMPOTENCY_UNKNOWN", number: 0 }, { name: "NO_SIDE_EFFECTS", number: 1 }, { name: "IDEMPOTENT", number: 2 }] }], extensionRange: [{ start: 990, end: 999 }, { start: 1e3, end: 536870912 }] }, { name: "UninterpretedOption", field: [{ name: "name", number: 2, type: 11, label: 3, typeName: ".google.protobuf.UninterpretedOption.NamePart" }, { name: "identifier_value", number: 3, type: 9, label: 1 }, { name: "positive_int_value", number: 4, type: 4, label: 1 }, { name: "negative_int_value", number: 5, type: 3, label: 1 }, { name: "double_value", number: 6, type: 1, label: 1 }, { name: "string_value", number: 7, type: 12, label: 1 }, { name: "aggregate_value", number: 8, type: 9, label: 1 }], nestedType: [{ name: "NamePart", field: [{ name: "name_part", number: 1, type: 9, label: 2 }, { name: "is_extension", number: 2, type: 8, label: 2 }] }] }, { name: "FeatureSet", field: [{ name: "field_presence", number: 1, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.FieldPresence", options: { retention: 1, targets: [4, 1], editionDefaults: [{ value: "EXPLICIT", edition: 900 }, { value: "IMPLICIT", edition: 999 }, { value: "EXPLICIT", edition: 1e3 }] } }, { name: "enum_type", number: 2, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.EnumType", options: { retention: 1, targets: [6, 1], editionDefaults: [{ value: "CLOSED", edition: 900 }, { value: "OPEN", edition: 999 }] } }, { name: "repeated_field_encoding", number: 3, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.RepeatedFieldEncoding", options: { retention: 1, targets: [4, 1], editionDefaults: [{ value: "EXPANDED", edition: 900 }, { value: "PACKED", edition: 999 }] } }, { name: "utf8_validation", number: 4, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.Utf8Validation", options: { retention: 1, targets: [4, 1], editionDefaults: [{ value: "NONE", edition: 900 }, { value: "VERIFY", edition: 999 }] } }, { name: "message_encoding", number: 5, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.MessageEncoding", options: { retention: 1, targets: [4, 1], editionDefaults: [{ value: "LENGTH_PREFIXED", edition: 900 }] } }, { name: "json_format", number: 6, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.JsonFormat", options: { retention: 1, targets: [3, 6, 1], editionDefaults: [{ value: "LEGACY_BEST_EFFORT", edition: 900 }, { value: "ALLOW", edition: 999 }] } }, { name: "enforce_naming_style", number: 7, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.EnforceNamingStyle", options: { retention: 2, targets: [1, 2, 3, 4, 5, 6, 7, 8, 9], editionDefaults: [{ value: "STYLE_LEGACY", edition: 900 }, { value: "STYLE2024", edition: 1001 }, { value: "STYLE2026", edition: 1002 }] } }, { name: "default_symbol_visibility", number: 8, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.VisibilityFeature.DefaultSymbolVisibility", options: { retention: 2, targets: [1], editionDefaults: [{ value: "EXPORT_ALL", edition: 900 }, { value: "EXPORT_TOP_LEVEL", edition: 1001 }, { value: "STRICT", edition: 1002 }] } }, { name: "enforce_proto_limits", number: 9, type: 14, label: 1, typeName: ".google.protobuf.FeatureSet.ProtoLimitsFeature.EnforceProtoLimits", options: { retention: 2, targets: [6, 3, 4, 5], editionDefaults: [{ value: "LEGACY_NO_EXPLICIT_LIMITS", edition: 900 }, { value: "PROTO_LIMITS2026", edition: 1002 }] } }], nestedType: [{ name: "VisibilityFeature", enumType: [{ name: "DefaultSymbolVisibility", value: [{ name: "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", number: 0 }, { name: "EXPORT_ALL", number: 1 }, { name: "EXPORT_TOP_LEVEL", number: 2 }, { name: "LOCAL_ALL", number: 3 }, { name: "STRICT", number: 4 }] }] }, { name: "ProtoLimitsFeature", enumType: [{ name: "EnforceProtoLimits", value: [{ name: "PROTO_LIMITS_UNKNOWN", number: 0 }, { name: "LEGACY_NO_EXPLICIT_LIMITS", number: 1 }, { name: "PROTO_LIMITS2026", number: 2 }] }] }], enumType: [{ name: "FieldPresence", value: [{ name: "FIELD_PRESENCE_UNKNOWN", number: 0 }, { name: "EXPLICIT", number: 1 }, { name: "IMPLICIT", number: 2 }, { name: "LEGACY_REQUIRED", number: 3 }] }, { name: "EnumType", value: [{ name: "ENUM_TYPE_UNKNOWN", number: 0 }, { name: "OPEN", number: 1 }, { name: "CLOSED", number: 2 }] }, { name: "RepeatedFieldEncoding", value: [{ name: "REPEATED_FIELD_ENCODING_UNKNOWN", number: 0 }, { name: "PACKED", number: 1 }, { name: "EXPANDED", number: 2 }] }, { name: "Utf8Validation", value: [{ name: "UTF8_VALIDATION_UNKNOWN", number: 0 }, { name: "VERIFY", number: 2 }, { name: "NONE", number: 3 }] }, { name: "MessageEncoding", value: [{ name: "MESSAGE_ENCODING_UNKNOWN", number: 0 }, { name: "LENGTH_PREFIXED", number: 1 }, { name: "DELIMITED", number: 2 }] }, { name: "JsonFormat", value: [{ name: "JSON_FORMAT_UNKNOWN", number: 0 }, { name: "ALLOW", number: 1 }, { name: "LEGACY_BEST_EFFORT", number: 2 }] }, { name: "EnforceNamingStyle", value: [{ name: "ENFORCE_NAMING_STYLE_UNKNOWN", number: 0 }, { name: "STYLE2024", number: 1 }, { name: "STYLE_LEGACY", number: 2 }, { name: "STYLE2026", number: 3 }] }], extensionRange: [{ start: 1e3, end: 9995 }, { start: 9995, end: 1e4 }, { start: 1e4, end: 10001 }] }, { name: "FeatureSetDefaults", field: [{ name: "defaults", number: 1, type: 11, label: 3, typeName: ".google.protobuf.FeatureSetDefaults.FeatureSetEditionDefault" }, { name: "minimum_edition", number: 4, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "maximum_edition", number: 5, type: 14, label: 1, typeName: ".google.protobuf.Edition" }], nestedType: [{ name: "FeatureSetEditionDefault", field: [{ name: "edition", number: 3, type: 14, label: 1, typeName: ".google.protobuf.Edition" }, { name: "overridable_features", number: 4, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }, { name: "fixed_features", number: 5, type: 11, label: 1, typeName: ".google.protobuf.FeatureSet" }] }] }, { name: "SourceCodeInfo", field: [{ name: "location", number: 1, type: 11, label: 3, typeName: ".google.protobuf.SourceCodeInfo.Location" }], nestedType: [{ name: "Location", field: [{ name: "path", number: 1, type: 5, label: 3, options: { packed: !0 } }, { name: "span", number: 2, type: 5, label: 3, options: { packed: !0 } }, { name: "leading_comments", number: 3, type: 9, label: 1 }, { name: "trailing_comments", number: 4, type: 9, label: 1 }, { name: "leading_detached_comments", number: 6, type: 9, label: 3 }] }], extensionRange: [{ start: 536e6, end: 536000001 }] }, { name: "GeneratedCodeInfo", field: [{ name: "annotation", number: 1, type: 11, label: 3, typeName: ".google.protobuf.GeneratedCodeInfo.Annotation" }], nestedType: [{ name: "Annotation", field: [{ name: "path", number: 1, type: 5, label: 3, options: { packed: !0 } }, { name: "source_file", number: 2, type: 9, label: 1 }, { name: "begin", number: 3, type: 5, label: 1 }, { name: "end", number: 4, type: 5, label: 1 }, { name: "semantic", number: 5, type: 14, label: 1, typeName: ".google.protobuf.GeneratedCodeInfo.Annotation.Semantic" }], enumType: [{ name: "Semantic", value: [{ name: "NONE", number: 0 }, { name: "SET", number: 1 }, { name: "ALIAS", number: 2 }] }] }] }], enumType: [{ name: "Edition", value: [{ name: "EDITION_UNKNOWN", number: 0 }, { name: "EDITION_LEGACY", number: 900 }, { name: "EDITION_PROTO2", number: 998 }, { name: "EDITION_PROTO3", number: 999 }, { name: "EDITION_2023", number: 1e3 }, { name: "EDITION_2024", number: 1001 }, { name: "EDITION_2026", number: 1002 }, { name: "EDITION_UNSTABLE", number: 9999 }, { name: "EDITION_1_TEST_ONLY", number: 1 }, { name: "EDITION_2_TEST_ONLY", number: 2 }, { name: "EDITION_99997_TEST_ONLY", number: 99997 }, { name: "EDITION_99998_TEST_ONLY", number: 99998 }, { name: "EDITION_99999_TEST_ONLY", number: 99999 }, { name: "EDITION_MAX", number: 2147483647 }] }, { name: "SymbolVisibility", value: [{ name: "VISIBILITY_UNSET", number: 0 }, { name: "VISIBILITY_LOCAL", number: 1 }, { name: "VISIBILITY_EXPORT", number: 2 }] }] }), aa = /* @__PURE__ */ oe(jt, 1);
var En;
(function(e) {
  e[e.DECLARATION = 0] = "DECLARATION", e[e.UNVERIFIED = 1] = "UNVERIFIED";
})(En || (En = {}));
var Hn;
(function(e) {
  e[e.DOUBLE = 1] = "DOUBLE", e[e.FLOAT = 2] = "FLOAT", e[e.INT64 = 3] = "INT64", e[e.UINT64 = 4] = "UINT64", e[e.INT32 = 5] = "INT32", e[e.FIXED64 = 6] = "FIXED64", e[e.FIXED32 = 7] = "FIXED32", e[e.BOOL = 8] = "BOOL", e[e.STRING = 9] = "STRING", e[e.GROUP = 10] = "GROUP", e[e.MESSAGE = 11] = "MESSAGE", e[e.BYTES = 12] = "BYTES", e[e.UINT32 = 13] = "UINT32", e[e.ENUM = 14] = "ENUM", e[e.SFIXED32 = 15] = "SFIXED32", e[e.SFIXED64 = 16] = "SFIXED64", e[e.SINT32 = 17] = "SINT32", e[e.SINT64 = 18] = "SINT64";
})(Hn || (Hn = {}));
var zn;
(function(e) {
  e[e.OPTIONAL = 1] = "OPTIONAL", e[e.REPEATED = 3] = "REPEATED", e[e.REQUIRED = 2] = "REQUIRED";
})(zn || (zn = {}));
var wn;
(function(e) {
  e[e.SPEED = 1] = "SPEED", e[e.CODE_SIZE = 2] = "CODE_SIZE", e[e.LITE_RUNTIME = 3] = "LITE_RUNTIME";
})(wn || (wn = {}));
var Mn;
(function(e) {
  e[e.STRING = 0] = "STRING", e[e.CORD = 1] = "CORD", e[e.STRING_PIECE = 2] = "STRING_PIECE";
})(Mn || (Mn = {}));
var Fn;
(function(e) {
  e[e.JS_NORMAL = 0] = "JS_NORMAL", e[e.JS_STRING = 1] = "JS_STRING", e[e.JS_NUMBER = 2] = "JS_NUMBER";
})(Fn || (Fn = {}));
var Ln;
(function(e) {
  e[e.RETENTION_UNKNOWN = 0] = "RETENTION_UNKNOWN", e[e.RETENTION_RUNTIME = 1] = "RETENTION_RUNTIME", e[e.RETENTION_SOURCE = 2] = "RETENTION_SOURCE";
})(Ln || (Ln = {}));
var Kn;
(function(e) {
  e[e.TARGET_TYPE_UNKNOWN = 0] = "TARGET_TYPE_UNKNOWN", e[e.TARGET_TYPE_FILE = 1] = "TARGET_TYPE_FILE", e[e.TARGET_TYPE_EXTENSION_RANGE = 2] = "TARGET_TYPE_EXTENSION_RANGE", e[e.TARGET_TYPE_MESSAGE = 3] = "TARGET_TYPE_MESSAGE", e[e.TARGET_TYPE_FIELD = 4] = "TARGET_TYPE_FIELD", e[e.TARGET_TYPE_ONEOF = 5] = "TARGET_TYPE_ONEOF", e[e.TARGET_TYPE_ENUM = 6] = "TARGET_TYPE_ENUM", e[e.TARGET_TYPE_ENUM_ENTRY = 7] = "TARGET_TYPE_ENUM_ENTRY", e[e.TARGET_TYPE_SERVICE = 8] = "TARGET_TYPE_SERVICE", e[e.TARGET_TYPE_METHOD = 9] = "TARGET_TYPE_METHOD";
})(Kn || (Kn = {}));
var He;
(function(e) {
  e[e.IDEMPOTENCY_UNKNOWN = 0] = "IDEMPOTENCY_UNKNOWN", e[e.NO_SIDE_EFFECTS = 1] = "NO_SIDE_EFFECTS", e[e.IDEMPOTENT = 2] = "IDEMPOTENT";
})(He || (He = {}));
var kn;
(function(e) {
  e[e.DEFAULT_SYMBOL_VISIBILITY_UNKNOWN = 0] = "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", e[e.EXPORT_ALL = 1] = "EXPORT_ALL", e[e.EXPORT_TOP_LEVEL = 2] = "EXPORT_TOP_LEVEL", e[e.LOCAL_ALL = 3] = "LOCAL_ALL", e[e.STRICT = 4] = "STRICT";
})(kn || (kn = {}));
var vn;
(function(e) {
  e[e.PROTO_LIMITS_UNKNOWN = 0] = "PROTO_LIMITS_UNKNOWN", e[e.LEGACY_NO_EXPLICIT_LIMITS = 1] = "LEGACY_NO_EXPLICIT_LIMITS", e[e.PROTO_LIMITS2026 = 2] = "PROTO_LIMITS2026";
})(vn || (vn = {}));
var Qn;
(function(e) {
  e[e.FIELD_PRESENCE_UNKNOWN = 0] = "FIELD_PRESENCE_UNKNOWN", e[e.EXPLICIT = 1] = "EXPLICIT", e[e.IMPLICIT = 2] = "IMPLICIT", e[e.LEGACY_REQUIRED = 3] = "LEGACY_REQUIRED";
})(Qn || (Qn = {}));
var Un;
(function(e) {
  e[e.ENUM_TYPE_UNKNOWN = 0] = "ENUM_TYPE_UNKNOWN", e[e.OPEN = 1] = "OPEN", e[e.CLOSED = 2] = "CLOSED";
})(Un || (Un = {}));
var Dn;
(function(e) {
  e[e.REPEATED_FIELD_ENCODING_UNKNOWN = 0] = "REPEATED_FIELD_ENCODING_UNKNOWN", e[e.PACKED = 1] = "PACKED", e[e.EXPANDED = 2] = "EXPANDED";
})(Dn || (Dn = {}));
var Tn;
(function(e) {
  e[e.UTF8_VALIDATION_UNKNOWN = 0] = "UTF8_VALIDATION_UNKNOWN", e[e.VERIFY = 2] = "VERIFY", e[e.NONE = 3] = "NONE";
})(Tn || (Tn = {}));
var On;
(function(e) {
  e[e.MESSAGE_ENCODING_UNKNOWN = 0] = "MESSAGE_ENCODING_UNKNOWN", e[e.LENGTH_PREFIXED = 1] = "LENGTH_PREFIXED", e[e.DELIMITED = 2] = "DELIMITED";
})(On || (On = {}));
var Pn;
(function(e) {
  e[e.JSON_FORMAT_UNKNOWN = 0] = "JSON_FORMAT_UNKNOWN", e[e.ALLOW = 1] = "ALLOW", e[e.LEGACY_BEST_EFFORT = 2] = "LEGACY_BEST_EFFORT";
})(Pn || (Pn = {}));
var _n;
(function(e) {
  e[e.ENFORCE_NAMING_STYLE_UNKNOWN = 0] = "ENFORCE_NAMING_STYLE_UNKNOWN", e[e.STYLE2024 = 1] = "STYLE2024", e[e.STYLE_LEGACY = 2] = "STYLE_LEGACY", e[e.STYLE2026 = 3] = "STYLE2026";
})(_n || (_n = {}));
var jn;
(function(e) {
  e[e.NONE = 0] = "NONE", e[e.SET = 1] = "SET", e[e.ALIAS = 2] = "ALIAS";
})(jn || (jn = {}));
var $n;
(function(e) {
  e[e.EDITION_UNKNOWN = 0] = "EDITION_UNKNOWN", e[e.EDITION_LEGACY = 900] = "EDITION_LEGACY", e[e.EDITION_PROTO2 = 998] = "EDITION_PROTO2", e[e.EDITION_PROTO3 = 999] = "EDITION_PROTO3", e[e.EDITION_2023 = 1e3] = "EDITION_2023", e[e.EDITION_2024 = 1001] = "EDITION_2024", e[e.EDITION_2026 = 1002] = "EDITION_2026", e[e.EDITION_UNSTABLE = 9999] = "EDITION_UNSTABLE", e[e.EDITION_1_TEST_ONLY = 1] = "EDITION_1_TEST_ONLY", e[e.EDITION_2_TEST_ONLY = 2] = "EDITION_2_TEST_ONLY", e[e.EDITION_99997_TEST_ONLY = 99997] = "EDITION_99997_TEST_ONLY", e[e.EDITION_99998_TEST_ONLY = 99998] = "EDITION_99998_TEST_ONLY", e[e.EDITION_99999_TEST_ONLY = 99999] = "EDITION_99999_TEST_ONLY", e[e.EDITION_MAX = 2147483647] = "EDITION_MAX";
})($n || ($n = {}));
var qn;
(function(e) {
  e[e.VISIBILITY_UNSET = 0] = "VISIBILITY_UNSET", e[e.VISIBILITY_LOCAL = 1] = "VISIBILITY_LOCAL", e[e.VISIBILITY_EXPORT = 2] = "VISIBILITY_EXPORT";
})(qn || (qn = {}));
function $t(e) {
  return Object.assign(Object.assign({ readUnknownFields: !0, recursionLimit: 100 }, e), { depth: 0 });
}
function he(e, n, t) {
  const c = J(e);
  return tn(e).read(c, new q(n), $t(t), n.byteLength), c;
}
const qt = /* @__PURE__ */ new WeakMap();
function tn(e) {
  let n = qt.get(e);
  return n === void 0 && (n = sa(e)), n;
}
function sa(e) {
  const n = String(e), t = /* @__PURE__ */ new Map(), c = {
    read: ra(n, t),
    readGroup: ia(n, t)
  };
  qt.set(e, c);
  for (const o of e.fields)
    t.set(o.number, ec(o));
  return c;
}
function ra(e, n) {
  return (t, c, o, a) => {
    var s;
    if (++o.depth > o.recursionLimit)
      throw new Error(`cannot decode ${e} from binary: maximum recursion depth of ${o.recursionLimit} reached`);
    const r = c.pos + a, i = (s = t.$unknown) !== null && s !== void 0 ? s : [];
    for (; c.pos < r; ) {
      const [l, u] = c.tag(), g = n.get(l);
      if (g === void 0) {
        const y = c.skip(u, l, o.recursionLimit - o.depth);
        o.readUnknownFields && i.push({ no: l, wireType: u, data: y });
        continue;
      }
      g(t, c, o, u);
    }
    i.length > 0 && (t.$unknown = i), o.depth--;
  };
}
function ia(e, n) {
  return (t, c, o, a) => {
    var s;
    if (++o.depth > o.recursionLimit)
      throw new Error(`cannot decode ${e} from binary: maximum recursion depth of ${o.recursionLimit} reached`);
    let r, i;
    const l = (s = t.$unknown) !== null && s !== void 0 ? s : [];
    for (; c.pos < c.len && ([r, i] = c.tag(), i != V.EndGroup); ) {
      const u = n.get(r);
      if (u === void 0) {
        const g = c.skip(i, r, o.recursionLimit - o.depth);
        o.readUnknownFields && l.push({ no: r, wireType: i, data: g });
        continue;
      }
      u(t, c, o, i);
    }
    if (i != V.EndGroup || r !== a)
      throw new Error("invalid end group tag");
    l.length > 0 && (t.$unknown = l), o.depth--;
  };
}
function la(e, n, t, c, o) {
  ec(t)(e[B], n, o, c);
}
function ec(e) {
  switch (e.fieldKind) {
    case "scalar":
      return da(e);
    case "enum":
      return ua(e);
    case "message":
      return ma(e);
    case "list":
      return ga(e);
    case "map":
      return ba(e);
  }
}
function da(e) {
  const n = ge(e.scalar, e.utf8Validation, e.longAsString), t = e.localName;
  if (e.oneof) {
    const c = e.oneof.localName;
    return (o, a) => {
      o[c] = {
        case: t,
        value: n(a)
      };
    };
  }
  return (c, o) => {
    c[t] = n(o);
  };
}
function ua(e) {
  var n;
  const t = e.localName, c = (n = e.oneof) === null || n === void 0 ? void 0 : n.localName;
  if (e.enum.open)
    return c !== void 0 ? (s, r) => {
      s[c] = { case: t, value: r.int32() };
    } : (s, r) => {
      s[t] = r.int32();
    };
  const o = e.enum.values, a = e.number;
  return (s, r, i, l) => {
    var u;
    const g = r.int32();
    if (o.some((y) => y.number === g))
      c !== void 0 ? s[c] = { case: t, value: g } : s[t] = g;
    else if (i.readUnknownFields) {
      const y = [];
      Fc(g, y);
      const m = (u = s.$unknown) !== null && u !== void 0 ? u : [];
      m.push({
        no: a,
        wireType: l,
        data: new Uint8Array(y)
      }), s.$unknown = m;
    }
  };
}
function ma(e) {
  const n = e.localName, { toMessage: t, toLocal: c } = Y(e), o = nc(e);
  if (e.oneof) {
    const a = e.oneof.localName;
    return (s, r, i) => {
      const l = s[a], u = t(l.case === n ? l.value : void 0);
      o(u, r, i), s[a] = { case: n, value: c(u) };
    };
  }
  return (a, s, r) => {
    const i = t(a[n]);
    o(i, s, r), a[n] = c(i);
  };
}
function nc(e) {
  const n = tn(e.message);
  if (e.delimitedEncoding) {
    const t = e.number;
    return (c, o, a) => n.readGroup(c, o, a, t);
  }
  return (t, c, o) => n.read(t, c, o, c.uint32());
}
function ga(e) {
  const n = e.localName;
  if (e.listKind == "message") {
    const { toMessage: s, toLocal: r } = Y(e), i = nc(e);
    return (l, u, g) => {
      const y = s(void 0);
      i(y, u, g), l[n].push(r(y));
    };
  }
  const t = e.listKind == "enum" ? d.INT32 : e.scalar, c = e.listKind == "scalar" ? e.longAsString : !1, o = ge(t, e.utf8Validation, c), a = t != d.STRING && t != d.BYTES;
  return (s, r, i, l) => {
    const u = s[n];
    if (l == V.LengthDelimited && a) {
      const g = r.uint32() + r.pos;
      for (; r.pos < g; )
        u.push(o(r));
    } else
      u.push(o(r));
  };
}
function ba(e) {
  const n = e.localName, t = ge(e.mapKey, e.utf8Validation, !1), c = H(e.mapKey, !1);
  let o, a;
  switch (e.mapKind) {
    case "scalar": {
      const s = e.scalar, r = ge(s, e.utf8Validation, !1);
      if (o = (i) => r(i), s == d.BYTES)
        a = () => new Uint8Array(0);
      else {
        const i = H(s, !1);
        a = () => i;
      }
      break;
    }
    case "enum": {
      const s = e.enum.values[0].number;
      o = (r) => r.int32(), a = () => s;
      break;
    }
    case "message": {
      const { toMessage: s, toLocal: r } = Y(e), i = tn(e.message).read;
      o = (l, u, g) => {
        const y = s(g);
        return i(y, l, u, l.uint32()), r(y);
      }, a = () => r(s(void 0));
      break;
    }
  }
  return (s, r, i) => {
    const l = s[n];
    let u, g;
    const y = r.uint32(), m = r.pos + y;
    for (; r.pos < m; ) {
      const [b, h] = r.tag();
      switch (b) {
        case 1:
          u = t(r);
          break;
        case 2:
          g = o(r, i, g);
          break;
        default:
          r.skip(h, b, i.recursionLimit - i.depth);
      }
    }
    u === void 0 && (u = c), g === void 0 && (g = a()), N(l, u, g);
  };
}
function ge(e, n, t) {
  switch (e) {
    case d.STRING:
      return (c) => c.string(n);
    case d.BOOL:
      return (c) => c.bool();
    case d.DOUBLE:
      return (c) => c.double();
    case d.FLOAT:
      return (c) => c.float();
    case d.INT32:
      return (c) => c.int32();
    case d.INT64:
      return t ? (c) => String(c.int64()) : (c) => c.int64();
    case d.UINT64:
      return t ? (c) => String(c.uint64()) : (c) => c.uint64();
    case d.FIXED64:
      return t ? (c) => String(c.fixed64()) : (c) => c.fixed64();
    case d.BYTES:
      return (c) => c.bytes();
    case d.FIXED32:
      return (c) => c.fixed32();
    case d.SFIXED32:
      return (c) => c.sfixed32();
    case d.SFIXED64:
      return t ? (c) => String(c.sfixed64()) : (c) => c.sfixed64();
    case d.SINT64:
      return t ? (c) => String(c.sint64()) : (c) => c.sint64();
    case d.UINT32:
      return (c) => c.uint32();
    case d.SINT32:
      return (c) => c.sint32();
  }
}
function L(e, n) {
  var t;
  const c = he(aa, qe(e));
  return c.messageType.forEach(en), c.dependency = (t = n?.map((a) => a.proto.name)) !== null && t !== void 0 ? t : [], Ut(c, (a) => n?.find((s) => s.proto.name === a)).getFile(c.name);
}
const tc = /* @__PURE__ */ L("Ch9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvEg9nb29nbGUucHJvdG9idWYiKwoJVGltZXN0YW1wEg8KB3NlY29uZHMYASABKAMSDQoFbmFub3MYAiABKAVChQEKE2NvbS5nb29nbGUucHJvdG9idWZCDlRpbWVzdGFtcFByb3RvUAFaMmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3RpbWVzdGFtcHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
function cc(e) {
  return new Date(ya(e));
}
function ya(e) {
  return Number(e.seconds) * 1e3 + Math.round(e.nanos / 1e6);
}
const Ia = /* @__PURE__ */ L("Ch5nb29nbGUvcHJvdG9idWYvZHVyYXRpb24ucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIqCghEdXJhdGlvbhIPCgdzZWNvbmRzGAEgASgDEg0KBW5hbm9zGAIgASgFQoMBChNjb20uZ29vZ2xlLnByb3RvYnVmQg1EdXJhdGlvblByb3RvUAFaMWdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2R1cmF0aW9ucGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw"), ha = /* @__PURE__ */ L("Chlnb29nbGUvcHJvdG9idWYvYW55LnByb3RvEg9nb29nbGUucHJvdG9idWYiJgoDQW55EhAKCHR5cGVfdXJsGAEgASgJEg0KBXZhbHVlGAIgASgMQnYKE2NvbS5nb29nbGUucHJvdG9idWZCCEFueVByb3RvUAFaLGdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2FueXBiogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM"), Ga = /* @__PURE__ */ oe(ha, 0), pa = 2, fa = 3, et = {
  writeUnknownFields: !0
};
function Za(e) {
  return e ? Object.assign(Object.assign({}, et), e) : et;
}
function oc(e, n, t) {
  const c = new Yt();
  return cn(e)(c, Za(t), n), c.finish();
}
const ac = /* @__PURE__ */ new WeakMap();
function cn(e) {
  let n = ac.get(e);
  return n === void 0 && (n = Va(e)), n;
}
function Va(e) {
  const n = e.typeName, t = e.fields.concat().sort((s, r) => s.number - r.number), c = t[0], o = [], a = (s, r, i) => {
    if (i.$typeName !== n && c !== void 0)
      throw new Z(c, `cannot use ${c} with message ${i.$typeName}`, "ForeignFieldError");
    for (let u = 0; u < o.length; u++)
      o[u](s, r, i);
    const l = i.$unknown;
    if (l !== void 0 && r.writeUnknownFields)
      for (let u = 0; u < l.length; u++) {
        const { no: g, wireType: y, data: m } = l[u];
        s.tag(g, y).raw(m);
      }
  };
  ac.set(e, a);
  for (const s of t)
    o.push(sc(s));
  return a;
}
function sc(e) {
  switch (e.fieldKind) {
    case "message":
    case "scalar":
    case "enum":
      return Ca(e);
    case "list":
      return Aa(e);
    case "map":
      return Ja(e);
  }
}
function Ca(e) {
  const n = Xa(e), t = e.localName;
  if (e.oneof) {
    const c = e.oneof.localName;
    return (o, a, s) => {
      const r = s[c];
      r.case === t && n(o, a, r.value);
    };
  }
  if (e.presence != pa) {
    const c = e.presence == fa ? `cannot encode ${e} to binary: required field not set` : void 0;
    return (o, a, s) => {
      const r = s[t];
      if (r !== void 0 && Object.prototype.hasOwnProperty.call(s, t))
        n(o, a, r);
      else if (c !== void 0)
        throw new Error(c);
    };
  }
  if (e.fieldKind == "enum") {
    const c = e.enum.values[0].number;
    return (o, a, s) => {
      const r = s[t];
      r !== c && n(o, a, r);
    };
  }
  switch (e.scalar) {
    case d.BOOL:
      return (c, o, a) => {
        const s = a[t];
        s !== !1 && n(c, o, s);
      };
    case d.STRING:
      return (c, o, a) => {
        const s = a[t];
        s !== "" && n(c, o, s);
      };
    case d.BYTES:
      return (c, o, a) => {
        const s = a[t];
        (!(s instanceof Uint8Array) || s.byteLength > 0) && n(c, o, s);
      };
    case d.DOUBLE:
    case d.FLOAT:
      return (c, o, a) => {
        const s = a[t];
        Object.is(s, 0) || n(c, o, s);
      };
    default:
      return (c, o, a) => {
        const s = a[t];
        s != 0 && n(c, o, s);
      };
  }
}
function Xa(e) {
  switch (e.fieldKind) {
    case "message": {
      const { toMessage: n } = Y(e), t = rc(e);
      return (c, o, a) => {
        t(c, o, n(a));
      };
    }
    case "scalar":
    case "enum": {
      const n = e.fieldKind == "enum" ? d.INT32 : e.scalar, t = e.number, c = pe(n), o = Ge(n, e.parent.typeName, e.name);
      return (a, s, r) => {
        a.tag(t, c), o(a, r);
      };
    }
  }
}
function Aa(e) {
  const n = e.localName, t = e.number;
  switch (e.listKind) {
    case "message": {
      const { toMessage: c } = Y(e), o = rc(e);
      return (a, s, r) => {
        const i = r[n];
        for (let l = 0; l < i.length; l++)
          o(a, s, c(i[l]));
      };
    }
    case "scalar":
    case "enum": {
      const c = e.listKind == "enum" ? d.INT32 : e.scalar, o = Ge(c, e.parent.typeName, e.name);
      if (e.packed)
        return (s, r, i) => {
          const l = i[n];
          if (l.length != 0) {
            s.tag(t, V.LengthDelimited).fork();
            for (let u = 0; u < l.length; u++)
              o(s, l[u]);
            s.join();
          }
        };
      const a = pe(c);
      return (s, r, i) => {
        const l = i[n];
        for (let u = 0; u < l.length; u++)
          s.tag(t, a), o(s, l[u]);
      };
    }
  }
}
function Ja(e) {
  const n = e.localName, t = e.number, c = Ba(e);
  if (e.mapKind == "message") {
    const { toMessage: r } = Y(e), i = cn(e.message);
    return (l, u, g) => {
      const y = g[n], m = Object.keys(y);
      for (let b = 0; b < m.length; b++) {
        const h = m[b];
        l.tag(t, V.LengthDelimited).fork(), c(l, h), l.tag(2, V.LengthDelimited).fork(), i(l, u, r(y[h])), l.join(), l.join();
      }
    };
  }
  const o = e.mapKind == "enum" ? d.INT32 : e.scalar, a = pe(o), s = Ge(o, e.parent.typeName, e.name);
  return (r, i, l) => {
    const u = l[n], g = Object.keys(u);
    for (let y = 0; y < g.length; y++) {
      const m = g[y];
      r.tag(t, V.LengthDelimited).fork(), c(r, m), r.tag(2, a), s(r, u[m]), r.join();
    }
  };
}
function Ba(e) {
  const n = pe(e.mapKey), t = Ge(e.mapKey, e.parent.typeName, e.name), c = Wa(e.mapKey);
  return (o, a) => {
    o.tag(1, n), t(o, c(a));
  };
}
function Wa(e) {
  switch (e) {
    case d.STRING:
      return (n) => n;
    case d.BOOL:
      return (n) => n === "true" ? !0 : n === "false" ? !1 : n;
    case d.UINT64:
    case d.FIXED64:
      return (n) => {
        try {
          return f.uParse(n);
        } catch {
          return n;
        }
      };
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      return (n) => {
        try {
          return f.parse(n);
        } catch {
          return n;
        }
      };
    default:
      return (n) => {
        const t = Number.parseInt(n);
        return Number.isFinite(t) ? t : n;
      };
  }
}
function Ge(e, n, t) {
  const c = Sa(e);
  return (o, a) => {
    try {
      c(o, a);
    } catch (s) {
      throw s instanceof Error ? new Error(`cannot encode field ${n}.${t} to binary: ${s.message}`) : s;
    }
  };
}
function Sa(e) {
  switch (e) {
    case d.STRING:
      return (n, t) => n.string(t);
    case d.BOOL:
      return (n, t) => n.bool(t);
    case d.DOUBLE:
      return (n, t) => n.double(t);
    case d.FLOAT:
      return (n, t) => n.float(t);
    case d.INT32:
      return (n, t) => n.int32(t);
    case d.INT64:
      return (n, t) => n.int64(t);
    case d.UINT64:
      return (n, t) => n.uint64(t);
    case d.FIXED64:
      return (n, t) => n.fixed64(t);
    case d.BYTES:
      return (n, t) => n.bytes(t);
    case d.FIXED32:
      return (n, t) => n.fixed32(t);
    case d.SFIXED32:
      return (n, t) => n.sfixed32(t);
    case d.SFIXED64:
      return (n, t) => n.sfixed64(t);
    case d.SINT64:
      return (n, t) => n.sint64(t);
    case d.UINT32:
      return (n, t) => n.uint32(t);
    case d.SINT32:
      return (n, t) => n.sint32(t);
  }
}
function Ra(e, n, t, c) {
  sc(c)(e, n, t[B]);
}
function rc(e) {
  const n = e.number, t = cn(e.message);
  return e.delimitedEncoding ? (c, o, a) => {
    c.tag(n, V.StartGroup), t(c, o, a), c.tag(n, V.EndGroup);
  } : (c, o, a) => {
    c.tag(n, V.LengthDelimited).fork(), t(c, o, a), c.join();
  };
}
function pe(e) {
  switch (e) {
    case d.BYTES:
    case d.STRING:
      return V.LengthDelimited;
    case d.DOUBLE:
    case d.FIXED64:
    case d.SFIXED64:
      return V.Bit64;
    case d.FIXED32:
    case d.SFIXED32:
    case d.FLOAT:
      return V.Bit32;
    default:
      return V.Varint;
  }
}
function Na(e, n, t) {
  let c = !1;
  return t || (t = J(Ga), c = !0), t.value = oc(e, n), t.typeUrl = Ea(n.$typeName), c ? t : void 0;
}
function Ya(e, n) {
  if (e.typeUrl === "")
    return !1;
  const t = typeof n == "string" ? n : n.typeName, c = ic(e.typeUrl);
  return t === c;
}
function xa(e, n) {
  if (e.typeUrl === "")
    return;
  const t = n.kind == "message" ? n : n.getMessage(ic(e.typeUrl));
  if (!(!t || !Ya(e, t)))
    return he(t, e.value);
}
function Ea(e) {
  return `type.googleapis.com/${e}`;
}
function ic(e) {
  const n = e.lastIndexOf("/"), t = n >= 0 ? e.substring(n + 1) : e;
  if (!t.length)
    throw new Error(`invalid type url: ${e}`);
  return t;
}
const Ha = /* @__PURE__ */ L("CiBnb29nbGUvcHJvdG9idWYvZmllbGRfbWFzay5wcm90bxIPZ29vZ2xlLnByb3RvYnVmIhoKCUZpZWxkTWFzaxINCgVwYXRocxgBIAMoCUKFAQoTY29tLmdvb2dsZS5wcm90b2J1ZkIORmllbGRNYXNrUHJvdG9QAVoyZ29vZ2xlLmdvbGFuZy5vcmcvcHJvdG9idWYvdHlwZXMva25vd24vZmllbGRtYXNrcGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw"), on = /* @__PURE__ */ L("Chxnb29nbGUvcHJvdG9idWYvc3RydWN0LnByb3RvEg9nb29nbGUucHJvdG9idWYihAEKBlN0cnVjdBIzCgZmaWVsZHMYASADKAsyIy5nb29nbGUucHJvdG9idWYuU3RydWN0LkZpZWxkc0VudHJ5GkUKC0ZpZWxkc0VudHJ5EgsKA2tleRgBIAEoCRIlCgV2YWx1ZRgCIAEoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZToCOAEi6gEKBVZhbHVlEjAKCm51bGxfdmFsdWUYASABKA4yGi5nb29nbGUucHJvdG9idWYuTnVsbFZhbHVlSAASFgoMbnVtYmVyX3ZhbHVlGAIgASgBSAASFgoMc3RyaW5nX3ZhbHVlGAMgASgJSAASFAoKYm9vbF92YWx1ZRgEIAEoCEgAEi8KDHN0cnVjdF92YWx1ZRgFIAEoCzIXLmdvb2dsZS5wcm90b2J1Zi5TdHJ1Y3RIABIwCgpsaXN0X3ZhbHVlGAYgASgLMhouZ29vZ2xlLnByb3RvYnVmLkxpc3RWYWx1ZUgAQgYKBGtpbmQiMwoJTGlzdFZhbHVlEiYKBnZhbHVlcxgBIAMoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZSobCglOdWxsVmFsdWUSDgoKTlVMTF9WQUxVRRAAQn8KE2NvbS5nb29nbGUucHJvdG9idWZCC1N0cnVjdFByb3RvUAFaL2dvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3N0cnVjdHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM"), za = /* @__PURE__ */ oe(on, 0), lc = /* @__PURE__ */ oe(on, 1), wa = /* @__PURE__ */ oe(on, 2);
var ze;
(function(e) {
  e[e.NULL_VALUE = 0] = "NULL_VALUE";
})(ze || (ze = {}));
function Ma(e, n, t) {
  dc(n, e);
  const c = La(e.$unknown, n), [o, a, s] = fe(n), r = $t(t);
  for (const i of c)
    la(o, new q(i.data), a, i.wireType, r);
  return s();
}
function Fa(e, n, t) {
  var c;
  dc(n, e);
  const o = ((c = e.$unknown) !== null && c !== void 0 ? c : []).filter((l) => l.no !== n.number), [a, s] = fe(n, t), r = new Yt();
  Ra(r, { writeUnknownFields: !0 }, a, s);
  const i = new q(r.finish());
  for (; i.pos < i.len; ) {
    const [l, u] = i.tag(), g = i.skip(u, l);
    o.push({ no: l, wireType: u, data: g });
  }
  e.$unknown = o;
}
function La(e, n) {
  if (e === void 0)
    return [];
  if (n.fieldKind === "enum" || n.fieldKind === "scalar") {
    for (let t = e.length - 1; t >= 0; --t)
      if (e[t].no == n.number)
        return [e[t]];
    return [];
  }
  return e.filter((t) => t.no === n.number);
}
function fe(e, n) {
  const t = e.typeName, c = Object.assign(Object.assign({}, e), { kind: "field", parent: e.extendee, localName: t }), o = Object.assign(Object.assign({}, e.extendee), { fields: [c], members: [c], oneofs: [] }), a = J(o, n !== void 0 ? { [t]: n } : void 0);
  return [
    yo(o, a),
    c,
    () => {
      const s = a[t];
      if (s === void 0) {
        const r = e.message;
        return F(r) ? H(r.fields[0].scalar, r.fields[0].longAsString) : J(r);
      }
      return s;
    }
  ];
}
function dc(e, n) {
  if (e.extendee.typeName != n.$typeName)
    throw new Error(`extension ${e.typeName} can only be applied to message ${e.extendee.typeName}`);
}
const uc = /* @__PURE__ */ Date.parse("0001-01-01T00:00:00Z"), mc = /* @__PURE__ */ Date.parse("9999-12-31T23:59:59Z"), gc = -315576e6, bc = 315576e6, Ka = 3, ka = 2, nt = {
  alwaysEmitImplicit: !1,
  enumAsInteger: !1,
  useProtoFieldName: !1
};
function va(e) {
  return e ? Object.assign(Object.assign({}, nt), e) : nt;
}
function Qa(e, n, t) {
  return be(e)(va(t), n);
}
function Ua(e, n, t) {
  var c;
  const o = Qa(e, n, t);
  return JSON.stringify(o, null, (c = t?.prettySpaces) !== null && c !== void 0 ? c : 0);
}
const we = /* @__PURE__ */ new WeakMap();
function be(e) {
  let n = we.get(e);
  return n === void 0 && (n = Da(e)), n;
}
function Da(e) {
  const n = e.typeName, t = Oa(e);
  if (t !== void 0) {
    const r = e.fields[0], i = (l, u) => {
      if (u.$typeName !== n && r !== void 0)
        throw new Z(r, `cannot use ${r} with message ${u.$typeName}`, "ForeignFieldError");
      return t(l, u);
    };
    return we.set(e, i), i;
  }
  const c = e.fields.concat().sort((r, i) => r.number - i.number), o = c[0], a = [], s = (r, i) => {
    if (i.$typeName !== n && o !== void 0)
      throw new Z(o, `cannot use ${o} with message ${i.$typeName}`, "ForeignFieldError");
    const l = {};
    for (let u = 0; u < a.length; u++)
      a[u](r, i, l);
    return r.registry && es(l, r, r.registry, i, e), l;
  };
  we.set(e, s);
  for (const r of c) {
    const i = Pa(r);
    a.push(r.jsonName === "__proto__" || r.name === "__proto__" ? Ta(i) : i);
  }
  return s;
}
function Ta(e) {
  return (n, t, c) => {
    const o = /* @__PURE__ */ Object.create(null);
    e(n, t, o);
    for (const a of Object.keys(o))
      N(c, a, o[a]);
  };
}
function Oa(e) {
  if (e.typeName.startsWith("google.protobuf."))
    switch (e.typeName) {
      case "google.protobuf.Any":
        return (n, t) => ns(t, n);
      case "google.protobuf.Timestamp":
        return (n, t) => os(t);
      case "google.protobuf.Duration":
        return (n, t) => ts(t);
      case "google.protobuf.FieldMask":
        return (n, t) => cs(t);
      case "google.protobuf.Struct":
        return (n, t) => Gc(t);
      case "google.protobuf.Value":
        return (n, t) => rn(t);
      case "google.protobuf.ListValue":
        return (n, t) => pc(t);
      default:
        if (F(e)) {
          const n = e.fields[0], t = n.localName, c = H(n.scalar, !1), o = Ze(n);
          return (a, s) => {
            const r = s[t];
            return o(a, r === void 0 ? c : r);
          };
        }
        return;
    }
}
function Pa(e) {
  switch (e.fieldKind) {
    case "scalar":
    case "enum":
    case "message":
      return _a(e);
    case "list":
    case "map": {
      const n = e.fieldKind == "list" ? Ic(e) : hc(e), t = e.name, c = e.jsonName, o = e.localName;
      return (a, s, r) => {
        const i = n(a, s[o]);
        i !== void 0 && (r[a.useProtoFieldName ? t : c] = i);
      };
    }
  }
}
function _a(e) {
  const n = yc(e), t = e.name, c = e.jsonName, o = e.localName;
  if (e.oneof) {
    const a = e.oneof.localName;
    return (s, r, i) => {
      const l = r[a];
      l.case === o && (i[s.useProtoFieldName ? t : c] = n(s, l.value));
    };
  }
  if (e.presence != ka) {
    const a = e.presence == Ka ? `cannot encode ${e} to JSON: required field not set` : void 0;
    return (s, r, i) => {
      const l = r[o];
      if (l !== void 0 && Object.prototype.hasOwnProperty.call(r, o))
        i[s.useProtoFieldName ? t : c] = n(s, l);
      else if (a !== void 0)
        throw new Error(a);
    };
  }
  if (e.fieldKind == "enum") {
    const a = e.enum.values[0].number;
    return (s, r, i) => {
      const l = r[o];
      (l !== a || s.alwaysEmitImplicit) && (i[s.useProtoFieldName ? t : c] = n(s, l));
    };
  }
  switch (e.scalar) {
    case d.BOOL:
      return (a, s, r) => {
        const i = s[o];
        (i !== !1 || a.alwaysEmitImplicit) && (r[a.useProtoFieldName ? t : c] = n(a, i));
      };
    case d.STRING:
      return (a, s, r) => {
        const i = s[o];
        (i !== "" || a.alwaysEmitImplicit) && (r[a.useProtoFieldName ? t : c] = n(a, i));
      };
    case d.BYTES:
      return (a, s, r) => {
        const i = s[o];
        (!(i instanceof Uint8Array) || i.byteLength > 0 || a.alwaysEmitImplicit) && (r[a.useProtoFieldName ? t : c] = n(a, i));
      };
    case d.DOUBLE:
    case d.FLOAT:
      return (a, s, r) => {
        const i = s[o];
        (!Object.is(i, 0) || a.alwaysEmitImplicit) && (r[a.useProtoFieldName ? t : c] = n(a, i));
      };
    default:
      return (a, s, r) => {
        const i = s[o];
        (i != 0 || a.alwaysEmitImplicit) && (r[a.useProtoFieldName ? t : c] = n(a, i));
      };
  }
}
function ja(e) {
  switch (e.fieldKind) {
    case "scalar":
    case "enum":
    case "message":
      return yc(e);
    case "list":
      return Ic(e);
    case "map":
      return hc(e);
  }
}
function yc(e) {
  switch (e.fieldKind) {
    case "scalar":
      return Ze(e);
    case "enum":
      return sn(e);
    case "message":
      return an(e);
  }
}
function an(e) {
  const { toMessage: n } = Y(e), t = be(e.message);
  return (c, o) => t(c, n(o));
}
function Ic(e) {
  const n = $a(e);
  return (t, c) => {
    const o = c;
    if (o.length == 0 && !t.alwaysEmitImplicit)
      return;
    const a = [];
    for (let s = 0; s < o.length; s++)
      a.push(n(t, o[s]));
    return a;
  };
}
function $a(e) {
  switch (e.listKind) {
    case "scalar":
      return Ze(e);
    case "enum":
      return sn(e);
    case "message":
      return an(e);
  }
}
function hc(e) {
  const n = qa(e);
  return (t, c) => {
    const o = c, a = Object.keys(o);
    if (a.length == 0 && !t.alwaysEmitImplicit)
      return;
    const s = {};
    for (let r = 0; r < a.length; r++) {
      const i = a[r];
      N(s, i, n(t, o[i]));
    }
    return s;
  };
}
function qa(e) {
  switch (e.mapKind) {
    case "scalar":
      return Ze(e);
    case "enum":
      return sn(e);
    case "message":
      return an(e);
  }
}
function sn(e) {
  const n = e.enum;
  return n.typeName == "google.protobuf.NullValue" ? (t, c) => {
    if (typeof c != "number")
      throw tt(n, c);
    return null;
  } : (t, c) => {
    var o, a;
    if (typeof c != "number")
      throw tt(n, c);
    return t.enumAsInteger ? c : (a = (o = n.value[c]) === null || o === void 0 ? void 0 : o.jsonName) !== null && a !== void 0 ? a : c;
  };
}
function tt(e, n) {
  return new Error(`cannot encode ${e} to JSON: expected number, got ${X(n)}`);
}
function Ze(e) {
  switch (e.scalar) {
    // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
    case d.INT32:
    case d.SFIXED32:
    case d.SINT32:
    case d.FIXED32:
    case d.UINT32:
      return (n, t) => {
        if (typeof t != "number")
          throw k(e, t);
        return t;
      };
    // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
    // Either numbers or strings are accepted. Exponent notation is also accepted.
    case d.FLOAT:
    case d.DOUBLE:
      return (n, t) => {
        if (typeof t != "number")
          throw k(e, t);
        return Number.isNaN(t) ? "NaN" : t === Number.POSITIVE_INFINITY ? "Infinity" : t === Number.NEGATIVE_INFINITY ? "-Infinity" : t;
      };
    // string:
    case d.STRING:
      return (n, t) => {
        if (typeof t != "string")
          throw k(e, t);
        return t;
      };
    // bool:
    case d.BOOL:
      return (n, t) => {
        if (typeof t != "boolean")
          throw k(e, t);
        return t;
      };
    // JSON value will be a decimal string. Either numbers or strings are accepted.
    case d.UINT64:
    case d.FIXED64:
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      return (n, t) => {
        if (typeof t == "bigint" || typeof t == "string" || typeof t == "number" && Number.isInteger(t))
          return t.toString();
        throw k(e, t);
      };
    // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
    // Either standard or URL-safe base64 encoding with/without paddings are accepted.
    case d.BYTES:
      return (n, t) => {
        if (t instanceof Uint8Array)
          return kt(t);
        throw k(e, t);
      };
  }
}
function k(e, n) {
  var t;
  return new Error(`cannot encode ${e} to JSON: ${(t = Ht(e, n)) === null || t === void 0 ? void 0 : t.message}`);
}
function es(e, n, t, c, o) {
  const a = c.$unknown;
  if (a === void 0)
    return;
  const s = /* @__PURE__ */ new Set();
  for (let r = 0; r < a.length; r++) {
    const { no: i } = a[r];
    if (!s.has(i)) {
      s.add(i);
      const l = t.getExtensionFor(o, i);
      if (!l)
        continue;
      const u = Ma(c, l), [g, y] = fe(l, u), m = g[B], b = ja(y)(n, m[y.localName]);
      b !== void 0 && (e[l.jsonName] = b);
    }
  }
}
function ns(e, n) {
  if (e.typeUrl === "")
    return {};
  const { registry: t } = n;
  let c, o;
  if (t && (c = xa(e, t), c && (o = t.getMessage(c.$typeName))), !o || !c)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: "${e.typeUrl}" is not in the type registry`);
  const a = Zt(o) ? {
    value: be(o)(n, c)
  } : be(o)(n, c);
  return a["@type"] = e.typeUrl, a;
}
function ts(e) {
  const n = Number(e.seconds), t = e.nanos;
  if (n > bc || n < gc)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: value out of range`);
  if (n > 0 && t < 0 || n < 0 && t > 0)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: nanos sign must match seconds sign`);
  let c = e.seconds.toString();
  if (t !== 0) {
    let o = Math.abs(t).toString();
    o = "0".repeat(9 - o.length) + o, o.substring(3) === "000000" ? o = o.substring(0, 3) : o.substring(6) === "000" && (o = o.substring(0, 6)), c += "." + o, t < 0 && n == 0 && (c = "-" + c);
  }
  return c + "s";
}
function cs(e) {
  return e.paths.map((n) => {
    if (Qt(v(n)) !== n)
      throw new Error(`cannot encode message ${e.$typeName} to JSON: lowerCamelCase of path name "${n}" is irreversible`);
    return v(n);
  }).join(",");
}
function Gc(e) {
  const n = {}, t = Object.keys(e.fields);
  for (let c = 0; c < t.length; c++) {
    const o = t[c];
    N(n, o, rn(e.fields[o]));
  }
  return n;
}
function rn(e) {
  switch (e.kind.case) {
    case "nullValue":
      return null;
    case "numberValue":
      if (!Number.isFinite(e.kind.value))
        throw new Error(`${e.$typeName} cannot be NaN or Infinity`);
      return e.kind.value;
    case "boolValue":
      return e.kind.value;
    case "stringValue":
      return e.kind.value;
    case "structValue":
      return Gc(e.kind.value);
    case "listValue":
      return pc(e.kind.value);
    default:
      throw new Error(`${e.$typeName} must have a value`);
  }
}
function pc(e) {
  return e.values.map(rn);
}
function os(e) {
  const n = Number(e.seconds) * 1e3;
  if (n < uc || n > mc)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
  if (e.nanos < 0)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: nanos must not be negative`);
  if (e.nanos > 999999999)
    throw new Error(`cannot encode message ${e.$typeName} to JSON: nanos must not be greater than 999999999`);
  let t = "Z";
  if (e.nanos > 0) {
    const c = (e.nanos + 1e9).toString().substring(1);
    c.substring(3) === "000000" ? t = "." + c.substring(0, 3) + "Z" : c.substring(6) === "000" ? t = "." + c.substring(0, 6) + "Z" : t = "." + c + "Z";
  }
  return new Date(n).toISOString().replace(".000Z", t);
}
const as = 2;
function ss(e) {
  return Object.assign(Object.assign({ ignoreUnknownFields: !1, recursionLimit: 100 }, e), { depth: 0 });
}
function rs(e, n, t) {
  return fc(e, Gs(n, e.typeName), t);
}
function fc(e, n, t) {
  const c = J(e);
  return is(e, c, n, t), c;
}
function is(e, n, t, c) {
  try {
    Q(e)(n, t, ss(c));
  } catch (o) {
    throw ao(o) ? new Error(`cannot decode ${o.field()} from JSON: ${o.message}`, {
      cause: o
    }) : o;
  }
}
const Me = /* @__PURE__ */ new WeakMap();
function Q(e) {
  let n = Me.get(e);
  return n === void 0 && (n = ls(e)), n;
}
function ls(e) {
  const n = String(e), t = ds(e);
  if (t !== void 0) {
    const s = (r, i, l) => {
      if (++l.depth > l.recursionLimit)
        throw new Error(`cannot decode ${n} from JSON: maximum recursion depth of ${l.recursionLimit} reached`);
      t(r, i, l), l.depth--;
    };
    return Me.set(e, s), s;
  }
  const c = e.typeName, o = /* @__PURE__ */ new Map(), a = (s, r, i) => {
    var l;
    if (++i.depth > i.recursionLimit)
      throw new Error(`cannot decode ${n} from JSON: maximum recursion depth of ${i.recursionLimit} reached`);
    if (r == null || Array.isArray(r) || typeof r != "object")
      throw new Error(`cannot decode ${n} from JSON: ${X(r)}`);
    const u = /* @__PURE__ */ new Map(), g = /* @__PURE__ */ new Set(), y = Object.keys(r);
    for (let m = 0; m < y.length; m++) {
      const b = y[m], h = r[b], I = o.get(b);
      if (I !== void 0) {
        const G = I.field;
        if (g.has(G))
          throw new Z(G, "set multiple times");
        if (g.add(G), I.oneofScalarNullSkip && h === null)
          continue;
        if (I.oneof) {
          const A = u.get(I.oneof);
          if (A !== void 0)
            throw new Z(I.oneof, `oneof set multiple times by ${A.name} and ${G.name}`);
          u.set(I.oneof, G);
        }
        I.read(s, h, i);
      } else {
        const G = b.startsWith("[") && b.endsWith("]") ? (l = i.registry) === null || l === void 0 ? void 0 : l.getExtension(b.substring(1, b.length - 1)) : void 0;
        if (G?.extendee.typeName == c) {
          const [A, W, x] = fe(G);
          ct(W)(A[B], h, i), Fa(s, G, x());
        }
        if (G === void 0 && !i.ignoreUnknownFields)
          throw new Error(`cannot decode ${n} from JSON: key "${b}" is unknown`);
      }
    }
    i.depth--;
  };
  Me.set(e, a);
  for (const s of e.fields) {
    const r = {
      read: ct(s),
      field: s,
      oneof: s.oneof,
      oneofScalarNullSkip: s.oneof !== void 0 && s.fieldKind == "scalar"
    };
    o.set(s.name, r).set(s.jsonName, r);
  }
  return a;
}
function ds(e) {
  if (e.typeName.startsWith("google.protobuf."))
    switch (e.typeName) {
      case "google.protobuf.Any":
        return (n, t, c) => fs(n, t, c);
      case "google.protobuf.Timestamp":
        return (n, t) => Zs(n, t);
      case "google.protobuf.Duration":
        return (n, t) => Vs(n, t);
      case "google.protobuf.FieldMask":
        return (n, t) => Cs(n, t);
      case "google.protobuf.Struct":
        return (n, t, c) => Xc(n, t, c);
      case "google.protobuf.Value":
        return (n, t, c) => gn(n, t, c);
      case "google.protobuf.ListValue":
        return (n, t, c) => Ac(n, t, c);
      default:
        if (F(e)) {
          const n = e.fields[0], t = n.localName, c = n.scalar, o = n.longAsString, a = Vc(n);
          return (s, r) => {
            r === null ? s[t] = H(c, o) : s[t] = a(r);
          };
        }
        return;
    }
}
function ct(e) {
  switch (e.fieldKind) {
    case "scalar":
      return us(e);
    case "enum":
      return ms(e);
    case "message":
      return gs(e);
    case "list":
      return bs(e);
    case "map":
      return Is(e);
  }
}
function us(e) {
  const n = Vc(e), t = e.localName;
  if (e.oneof) {
    const o = e.oneof.localName;
    return (a, s) => {
      a[o] = {
        case: t,
        value: n(s)
      };
    };
  }
  const c = Zc(e);
  return (o, a) => {
    a === null ? c(o) : o[t] = n(a);
  };
}
function Zc(e) {
  const n = e.localName;
  if (e.presence != as)
    return (o) => {
      delete o[n];
    };
  if (e.fieldKind == "enum") {
    const o = e.enum.values[0].number;
    return (a) => {
      a[n] = o;
    };
  }
  const t = e.scalar, c = e.longAsString;
  return (o) => {
    o[n] = H(t, c);
  };
}
function ms(e) {
  const n = ln(e.enum), t = dn(e.enum), c = e.localName, o = e.enum.typeName != "google.protobuf.NullValue";
  if (e.oneof) {
    const s = e.oneof.localName;
    return (r, i, l) => {
      if (i === null && o) {
        r[s].case === c && (r[s] = { case: void 0 });
        return;
      }
      const u = n(i, l.ignoreUnknownFields);
      if (u === U)
        return;
      const g = t(u);
      if (g !== !0)
        throw new Z(e, R(e, u, g));
      r[s] = { case: c, value: u };
    };
  }
  const a = Zc(e);
  return (s, r, i) => {
    if (r === null && o) {
      a(s);
      return;
    }
    const l = n(r, i.ignoreUnknownFields);
    if (l === U)
      return;
    const u = t(l);
    if (u !== !0)
      throw new Z(e, R(e, l, u));
    s[c] = l;
  };
}
function gs(e) {
  const n = e.localName, { toMessage: t, toLocal: c } = Y(e), o = Q(e.message), a = e.message.typeName != "google.protobuf.Value";
  if (e.oneof) {
    const s = e.oneof.localName;
    return (r, i, l) => {
      const u = r[s];
      if (i === null && a) {
        u.case === n && (r[s] = { case: void 0 });
        return;
      }
      const g = t(u.case === n ? u.value : void 0);
      o(g, i, l), r[s] = { case: n, value: c(g) };
    };
  }
  return (s, r, i) => {
    if (r === null && a) {
      delete s[n];
      return;
    }
    const l = t(s[n]);
    o(l, r, i), s[n] = c(l);
  };
}
function bs(e) {
  const n = e.localName, t = ys(e);
  return (c, o, a) => {
    if (o === null)
      return;
    if (!Array.isArray(o))
      throw new Z(e, "expected Array, got " + X(o));
    const s = c[n];
    for (let r = 0; r < o.length; r++) {
      const i = t(o[r], a, s.length);
      i !== U && s.push(i);
    }
  };
}
function ys(e) {
  switch (e.listKind) {
    case "scalar": {
      const n = un(e), t = w(e.scalar), c = mn(e);
      return (o, a, s) => {
        if (o === null)
          throw new Z(e, "list item must not be null");
        const r = n(o), i = t(r);
        if (i !== !0)
          throw new Z(e, `list item #${s + 1}: ${R(e, r, i)}`);
        return c(r);
      };
    }
    case "enum": {
      const n = ln(e.enum), t = dn(e.enum), c = e.enum.typeName != "google.protobuf.NullValue";
      return (o, a, s) => {
        if (o === null && c)
          throw new Z(e, "list item must not be null");
        const r = n(o, a.ignoreUnknownFields);
        if (r === U)
          return r;
        const i = t(r);
        if (i !== !0)
          throw new Z(e, `list item #${s + 1}: ${R(e, r, i)}`);
        return r;
      };
    }
    case "message": {
      const { toMessage: n, toLocal: t } = Y(e), c = Q(e.message), o = e.message.typeName != "google.protobuf.Value";
      return (a, s) => {
        if (a === null && o)
          throw new Z(e, "list item must not be null");
        const r = n(void 0);
        return c(r, a, s), t(r);
      };
    }
  }
}
function Is(e) {
  const n = e.localName, t = e.mapKey, c = hs(t), o = w(t);
  let a, s, r = (l) => l, i = !0;
  switch (e.mapKind) {
    case "scalar": {
      a = un(e), s = w(e.scalar), r = mn(e);
      break;
    }
    case "enum": {
      const l = ln(e.enum);
      a = (u, g) => l(u, g.ignoreUnknownFields), s = dn(e.enum), i = e.enum.typeName != "google.protobuf.NullValue";
      break;
    }
    case "message": {
      const { toMessage: l, toLocal: u } = Y(e), g = Q(e.message);
      i = e.message.typeName != "google.protobuf.Value", a = (y, m) => {
        const b = l(void 0);
        return g(b, y, m), u(b);
      };
      break;
    }
  }
  return (l, u, g) => {
    if (u === null)
      return;
    if (typeof u != "object" || Array.isArray(u))
      throw new Z(e, "expected object, got " + X(u));
    const y = l[n], m = /* @__PURE__ */ new Set(), b = Object.keys(u);
    for (let h = 0; h < b.length; h++) {
      const I = b[h], G = u[I], A = c(I);
      if (m.has(A))
        throw new Z(e, `duplicate map key "${I}"`);
      if (m.add(A), G === null && i)
        throw new Z(e, "map value must not be null");
      const W = a(G, g);
      if (W === U)
        continue;
      const x = o(A);
      if (x !== !0)
        throw new Z(e, `invalid map key: ${R({ scalar: t }, A, x)}`);
      if (s !== void 0) {
        const T = s(W);
        if (T !== !0)
          throw new Z(e, `map entry ${X(A)}: ${R(e, W, T)}`);
      }
      N(y, A, r(W));
    }
  };
}
const U = /* @__PURE__ */ Symbol();
function ln(e) {
  const n = e.values[0].number, t = /* @__PURE__ */ new Map();
  for (const c of e.values)
    t.set(c.jsonName, c.number);
  for (const c of e.values)
    t.set(c.name, c.number);
  return (c, o) => {
    if (c === null)
      return n;
    switch (typeof c) {
      case "number":
        if (Number.isInteger(c))
          return c;
        break;
      case "string": {
        const a = t.get(c);
        if (a !== void 0)
          return a;
        if (o)
          return U;
        break;
      }
    }
    throw new Error(`cannot decode ${e} from JSON: ${X(c)}`);
  };
}
function dn(e) {
  if (e.open)
    return w(d.INT32);
  const n = e.values;
  return (t) => n.some((c) => c.number === t);
}
function Vc(e) {
  const n = un(e), t = w(e.scalar), c = mn(e);
  return (o) => {
    const a = n(o), s = t(a);
    if (s !== !0)
      throw new Z(e, R(e, a, s));
    return c(a);
  };
}
function un(e) {
  switch (e.scalar) {
    // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
    // Either numbers or strings are accepted. Exponent notation is also accepted.
    case d.DOUBLE:
    case d.FLOAT:
      return (n) => {
        if (n === "NaN")
          return NaN;
        if (n === "Infinity")
          return Number.POSITIVE_INFINITY;
        if (n === "-Infinity")
          return Number.NEGATIVE_INFINITY;
        if (typeof n == "number") {
          if (Number.isNaN(n))
            throw new Z(e, "unexpected NaN number");
          if (!Number.isFinite(n))
            throw new Z(e, "unexpected infinite number");
          return n;
        }
        if (typeof n == "string") {
          if (n === "" || n.trim().length !== n.length)
            return n;
          const t = Number(n);
          return Number.isFinite(t) ? t : n;
        }
        return n;
      };
    // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
    case d.INT32:
    case d.FIXED32:
    case d.SFIXED32:
    case d.SINT32:
    case d.UINT32:
      return Cc;
    // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
    // Either standard or URL-safe base64 encoding with/without paddings are accepted.
    case d.BYTES:
      return (n) => {
        if (typeof n == "string") {
          if (n === "")
            return new Uint8Array(0);
          try {
            return qe(n);
          } catch (t) {
            const c = t instanceof Error ? t.message : String(t);
            throw new Z(e, c);
          }
        }
        return n;
      };
    // int64, sfixed64, sint64, fixed64, uint64: The validation step accepts
    // string and number. string, bool: no conversion.
    default:
      return (n) => n;
  }
}
function mn(e) {
  const n = e.fieldKind !== "map" && e.longAsString;
  switch (e.scalar) {
    case d.INT64:
    case d.SFIXED64:
    case d.SINT64:
      return n ? (t) => String(t) : (t) => typeof t == "string" || typeof t == "number" ? f.parse(t) : t;
    case d.FIXED64:
    case d.UINT64:
      return n ? (t) => String(t) : (t) => typeof t == "string" || typeof t == "number" ? f.uParse(t) : t;
    default:
      return (t) => t;
  }
}
function hs(e) {
  switch (e) {
    case d.BOOL:
      return (n) => {
        switch (n) {
          case "true":
            return !0;
          case "false":
            return !1;
        }
        return n;
      };
    case d.INT32:
    case d.FIXED32:
    case d.UINT32:
    case d.SFIXED32:
    case d.SINT32:
      return Cc;
    case d.INT64:
    case d.SINT64:
    case d.SFIXED64:
    case d.UINT64:
    case d.FIXED64:
      return (n) => /^-?0+$/.test(n) ? "0" : n.replace(/^(-?)0+(?=\d)/, "$1");
    default:
      return (n) => n;
  }
}
function Cc(e) {
  if (typeof e == "string") {
    if (e === "" || e.trim().length !== e.length)
      return e;
    const n = Number(e);
    return Number.isNaN(n) ? e : n;
  }
  return e;
}
function Gs(e, n) {
  let t;
  try {
    t = JSON.parse(e);
  } catch (c) {
    const o = c instanceof Error ? c.message : String(c);
    throw new Error(
      `cannot decode message ${n} from JSON: ${o}`,
      // @ts-expect-error we use the ES2022 error CTOR option "cause" for better stack traces
      { cause: c }
    );
  }
  return ps(e, n), t;
}
function ps(e, n) {
  const t = [];
  let c = !1, o = 0;
  for (; o < e.length; )
    switch (e[o]) {
      case "{":
        t.push(/* @__PURE__ */ new Set()), c = !0, o++;
        break;
      case "[":
        t.push(null), c = !1, o++;
        break;
      case "}":
      case "]":
        t.pop(), c = !1, o++;
        break;
      case ",":
        c = t[t.length - 1] != null, o++;
        break;
      case ":":
        c = !1, o++;
        break;
      case '"': {
        const a = o++;
        let s = !1;
        for (; o < e.length; ) {
          if (e[o] == "\\") {
            s = !0, o += 2;
            continue;
          }
          if (e[o] == '"')
            break;
          o++;
        }
        const r = o++, i = t[t.length - 1];
        if (c && i) {
          const l = s ? JSON.parse(e.substring(a, r + 1)) : e.substring(a + 1, r);
          if (i.has(l))
            throw new Error(`cannot decode message ${n} from JSON: duplicate object key "${l}"`);
          i.add(l);
        }
        c = !1;
        break;
      }
      default:
        o++;
        break;
    }
}
function fs(e, n, t) {
  var c;
  if (n === null || Array.isArray(n) || typeof n != "object")
    throw new Error(`cannot decode message ${e.$typeName} from JSON: expected object but got ${X(n)}`);
  if (Object.keys(n).length == 0)
    return;
  const o = n["@type"];
  if (typeof o != "string" || o == "")
    throw new Error(`cannot decode message ${e.$typeName} from JSON: "@type" is empty`);
  const a = o.includes("/") ? o.substring(o.lastIndexOf("/") + 1) : o;
  if (!a.length)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: "@type" is invalid`);
  const s = (c = t.registry) === null || c === void 0 ? void 0 : c.getMessage(a);
  if (!s)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${o} is not in the type registry`);
  const r = J(s);
  if (Zt(s) && Object.prototype.hasOwnProperty.call(n, "value"))
    Q(s)(r, n.value, t);
  else {
    const i = {};
    for (const l of Object.keys(n))
      l !== "@type" && N(i, l, n[l]);
    Q(s)(r, i, t);
  }
  Na(s, r, e);
}
function Zs(e, n) {
  if (typeof n != "string")
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${X(n)}`);
  const t = n.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:Z|([+-][0-9][0-9]:[0-9][0-9]))$/);
  if (!t)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: invalid RFC 3339 string`);
  const c = Date.parse(
    // biome-ignore format: want this to read well
    t[1] + "-" + t[2] + "-" + t[3] + "T" + t[4] + ":" + t[5] + ":" + t[6] + (t[8] ? t[8] : "Z")
  );
  if (Number.isNaN(c))
    throw new Error(`cannot decode message ${e.$typeName} from JSON: invalid RFC 3339 string`);
  if (c < uc || c > mc)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
  e.seconds = f.parse(c / 1e3), e.nanos = 0, t[7] && (e.nanos = parseInt("1" + t[7] + "0".repeat(9 - t[7].length)) - 1e9);
}
function Vs(e, n) {
  if (typeof n != "string")
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${X(n)}`);
  const t = n.match(/^(-?[0-9]+)(?:\.([0-9]+))?s/);
  if (t === null)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${X(n)}`);
  const c = Number(t[1]);
  if (c > bc || c < gc)
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${X(n)}`);
  if (e.seconds = f.parse(c), typeof t[2] != "string")
    return;
  const o = t[2] + "0".repeat(9 - t[2].length);
  e.nanos = parseInt(o), (c < 0 || Object.is(c, -0)) && (e.nanos = -e.nanos);
}
function Cs(e, n) {
  if (typeof n != "string")
    throw new Error(`cannot decode message ${e.$typeName} from JSON: ${X(n)}`);
  n !== "" && (e.paths = n.split(",").map((t) => {
    if (t.includes("_"))
      throw new Error(`cannot decode message ${e.$typeName} from JSON: path names must be lowerCamelCase`);
    return Qt(t);
  }));
}
function Xc(e, n, t) {
  if (typeof n != "object" || n == null || Array.isArray(n))
    throw new Error(`cannot decode message ${e.$typeName} from JSON ${X(n)}`);
  const c = Object.keys(n);
  for (let o = 0; o < c.length; o++) {
    const a = c[o], s = J(lc);
    gn(s, n[a], t), N(e.fields, a, s);
  }
}
function gn(e, n, t) {
  if (++t.depth > t.recursionLimit)
    throw new Error(`cannot decode ${e.$typeName} from JSON: maximum recursion depth of ${t.recursionLimit} reached`);
  switch (typeof n) {
    case "number":
      e.kind = { case: "numberValue", value: n };
      break;
    case "string":
      e.kind = { case: "stringValue", value: n };
      break;
    case "boolean":
      e.kind = { case: "boolValue", value: n };
      break;
    case "object":
      if (n === null)
        e.kind = { case: "nullValue", value: ze.NULL_VALUE };
      else if (Array.isArray(n)) {
        const c = J(wa);
        Ac(c, n, t), e.kind = { case: "listValue", value: c };
      } else {
        const c = J(za);
        Xc(c, n, t), e.kind = { case: "structValue", value: c };
      }
      break;
    default:
      throw new Error(`cannot decode message ${e.$typeName} from JSON ${X(n)}`);
  }
  return t.depth--, e;
}
function Ac(e, n, t) {
  if (!Array.isArray(n))
    throw new Error(`cannot decode message ${e.$typeName} from JSON ${X(n)}`);
  for (let c = 0; c < n.length; c++) {
    const o = J(lc);
    gn(o, n[c], t), e.values.push(o);
  }
}
function Fe(e) {
  const n = p[e];
  return typeof n != "string" ? e.toString() : n[0].toLowerCase() + n.substring(1).replace(/[A-Z]/g, (t) => "_" + t.toLowerCase());
}
let ie;
function Xs(e) {
  if (!ie) {
    ie = {};
    for (const n of Object.values(p))
      typeof n != "string" && (ie[Fe(n)] = n);
  }
  return ie[e];
}
class C extends Error {
  /**
   * Create a new ConnectError.
   * If no code is provided, code "unknown" is used.
   * Outgoing details are only relevant for the server side - a service may
   * raise an error with details, and it is up to the protocol implementation
   * to encode and send the details along with the error.
   */
  constructor(n, t = p.Unknown, c, o, a) {
    super(As(n, t)), this.name = "ConnectError", this.isWireError = !1, Object.setPrototypeOf(this, new.target.prototype), this.rawMessage = n, this.code = t, this.metadata = new Headers(c ?? {}), this.details = o ?? [], this.cause = a;
  }
  /**
   * Convert any value - typically a caught error into a ConnectError,
   * following these rules:
   * - If the value is already a ConnectError, return it as is.
   * - If the value is an AbortError or TimeoutError from the fetch API, return
   *   the message of the error with code Canceled.
   * - For other Errors, return the error message with code Unknown by default.
   * - For other values, return the values String representation as a message,
   *   with the code Unknown by default.
   * The original value will be used for the "cause" property for the new
   * ConnectError.
   */
  static from(n, t = p.Unknown) {
    return n instanceof C ? n : n instanceof Error ? n.name == "AbortError" || n.name == "TimeoutError" ? new C(n.message, p.Canceled) : new C(n.message, t, void 0, void 0, n) : new C(String(n), t, void 0, void 0, n);
  }
  static [Symbol.hasInstance](n) {
    return n instanceof Error ? Object.getPrototypeOf(n) === C.prototype ? !0 : n.name === "ConnectError" && "code" in n && typeof n.code == "number" && "metadata" in n && "details" in n && Array.isArray(n.details) && "rawMessage" in n && typeof n.rawMessage == "string" && "cause" in n : !1;
  }
  findDetails(n) {
    const t = n.kind === "message" ? {
      getMessage: (o) => o === n.typeName ? n : void 0
    } : n, c = [];
    for (const o of this.details) {
      if ("desc" in o) {
        t.getMessage(o.desc.typeName) && c.push(J(o.desc, o.value));
        continue;
      }
      const a = t.getMessage(o.type);
      if (a)
        try {
          c.push(he(a, o.value));
        } catch {
        }
    }
    return c;
  }
}
function As(e, n) {
  return e.length ? `[${Fe(n)}] ${e}` : `[${Fe(n)}]`;
}
function Js(...e) {
  const n = new Headers();
  for (const t of e)
    t.forEach((c, o) => {
      n.append(o, c);
    });
  return n;
}
function Bs(e, n) {
  const t = {};
  for (const c of e.methods) {
    const o = n(c);
    o != null && (t[c.localName] = o);
  }
  return t;
}
const ot = 1;
function Ws(e, n, t = !1) {
  if (n > e) {
    let c = `message size is larger than configured readMaxBytes ${e}`;
    throw t && (c = `message size ${n} is larger than configured readMaxBytes ${e}`), new C(c, p.ResourceExhausted);
  }
}
function Ss(e) {
  return new Rs(e);
}
class Rs {
  constructor(n) {
    this.readMaxBytes = n, this.header = new Uint8Array(5), this.headerView = new DataView(this.header.buffer), this.buf = [];
  }
  get byteLength() {
    return this.buf.reduce((n, t) => n + t.byteLength, 0);
  }
  decode(n) {
    this.buf.push(n);
    const t = [];
    for (; ; ) {
      let c = this.pop();
      if (!c)
        break;
      t.push(c);
    }
    return t;
  }
  // consume an enveloped message
  pop() {
    if (!(!this.env && (this.env = this.head(), !this.env)) && this.cons(this.env.data)) {
      const n = this.env;
      return this.env = void 0, n;
    }
  }
  // consume header
  head() {
    if (!this.cons(this.header))
      return;
    const n = this.headerView.getUint8(0), t = this.headerView.getUint32(1);
    return Ws(this.readMaxBytes, t, !0), {
      flags: n,
      data: new Uint8Array(t)
    };
  }
  // consume from buffer, fill target
  cons(n) {
    const t = n.byteLength;
    if (this.byteLength < t)
      return !1;
    let c = 0;
    for (; c < t; ) {
      const o = this.buf.shift();
      o.byteLength > t - c ? (n.set(o.subarray(0, t - c), c), this.buf.unshift(o.subarray(t - c)), c += t - c) : (n.set(o, c), c += o.byteLength);
    }
    return !0;
  }
}
function Ns(e) {
  let n;
  const t = Ss(4294967295);
  return new ReadableStream({
    start() {
      n = e.getReader();
    },
    async pull(c) {
      let o = !1;
      for (; !o; ) {
        const a = await n.read();
        if (a.done)
          t.byteLength > 0 && c.error(new C("protocol error: incomplete envelope", p.InvalidArgument)), c.close();
        else
          for (const s of t.decode(a.value))
            c.enqueue(s), o = !0;
      }
    }
  });
}
function Ys(e, n) {
  const t = new Uint8Array(n.length + 5);
  t.set(n, 5);
  const c = new DataView(t.buffer, t.byteOffset, t.byteLength);
  return c.setUint8(0, e), c.setUint32(1, n.length), t;
}
var xs = function(e) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var n = e[Symbol.asyncIterator], t;
  return n ? n.call(e) : (e = typeof __values == "function" ? __values(e) : e[Symbol.iterator](), t = {}, c("next"), c("throw"), c("return"), t[Symbol.asyncIterator] = function() {
    return this;
  }, t);
  function c(a) {
    t[a] = e[a] && function(s) {
      return new Promise(function(r, i) {
        s = e[a](s), o(r, i, s.done, s.value);
      });
    };
  }
  function o(a, s, r, i) {
    Promise.resolve(i).then(function(l) {
      a({ value: l, done: r });
    }, s);
  }
}, te = function(e) {
  return this instanceof te ? (this.v = e, this) : new te(e);
}, Es = function(e, n, t) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var c = t.apply(e, n || []), o, a = [];
  return o = Object.create((typeof AsyncIterator == "function" ? AsyncIterator : Object).prototype), r("next"), r("throw"), r("return", s), o[Symbol.asyncIterator] = function() {
    return this;
  }, o;
  function s(m) {
    return function(b) {
      return Promise.resolve(b).then(m, g);
    };
  }
  function r(m, b) {
    c[m] && (o[m] = function(h) {
      return new Promise(function(I, G) {
        a.push([m, h, I, G]) > 1 || i(m, h);
      });
    }, b && (o[m] = b(o[m])));
  }
  function i(m, b) {
    try {
      l(c[m](b));
    } catch (h) {
      y(a[0][3], h);
    }
  }
  function l(m) {
    m.value instanceof te ? Promise.resolve(m.value.v).then(u, g) : y(a[0][2], m);
  }
  function u(m) {
    i("next", m);
  }
  function g(m) {
    i("throw", m);
  }
  function y(m, b) {
    m(b), a.shift(), a.length && i(a[0][0], a[0][1]);
  }
}, Hs = function(e) {
  var n, t;
  return n = {}, c("next"), c("throw", function(o) {
    throw o;
  }), c("return"), n[Symbol.iterator] = function() {
    return this;
  }, n;
  function c(o, a) {
    n[o] = e[o] ? function(s) {
      return (t = !t) ? { value: te(e[o](s)), done: !1 } : a ? a(s) : s;
    } : a;
  }
};
function zs(e) {
  return Es(this, arguments, function* () {
    yield te(yield* Hs(xs(e)));
  });
}
var Jc = function(e) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var n = e[Symbol.asyncIterator], t;
  return n ? n.call(e) : (e = typeof __values == "function" ? __values(e) : e[Symbol.iterator](), t = {}, c("next"), c("throw"), c("return"), t[Symbol.asyncIterator] = function() {
    return this;
  }, t);
  function c(a) {
    t[a] = e[a] && function(s) {
      return new Promise(function(r, i) {
        s = e[a](s), o(r, i, s.done, s.value);
      });
    };
  }
  function o(a, s, r, i) {
    Promise.resolve(i).then(function(l) {
      a({ value: l, done: r });
    }, s);
  }
}, D = function(e) {
  return this instanceof D ? (this.v = e, this) : new D(e);
}, ws = function(e) {
  var n, t;
  return n = {}, c("next"), c("throw", function(o) {
    throw o;
  }), c("return"), n[Symbol.iterator] = function() {
    return this;
  }, n;
  function c(o, a) {
    n[o] = e[o] ? function(s) {
      return (t = !t) ? { value: D(e[o](s)), done: !1 } : a ? a(s) : s;
    } : a;
  }
}, Ms = function(e, n, t) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var c = t.apply(e, n || []), o, a = [];
  return o = Object.create((typeof AsyncIterator == "function" ? AsyncIterator : Object).prototype), r("next"), r("throw"), r("return", s), o[Symbol.asyncIterator] = function() {
    return this;
  }, o;
  function s(m) {
    return function(b) {
      return Promise.resolve(b).then(m, g);
    };
  }
  function r(m, b) {
    c[m] && (o[m] = function(h) {
      return new Promise(function(I, G) {
        a.push([m, h, I, G]) > 1 || i(m, h);
      });
    }, b && (o[m] = b(o[m])));
  }
  function i(m, b) {
    try {
      l(c[m](b));
    } catch (h) {
      y(a[0][3], h);
    }
  }
  function l(m) {
    m.value instanceof D ? Promise.resolve(m.value.v).then(u, g) : y(a[0][2], m);
  }
  function u(m) {
    i("next", m);
  }
  function g(m) {
    i("throw", m);
  }
  function y(m, b) {
    m(b), a.shift(), a.length && i(a[0][0], a[0][1]);
  }
};
function Fs(e, n) {
  return Bs(e, (t) => {
    switch (t.methodKind) {
      case "unary":
        return Ls(n, t);
      case "server_streaming":
        return Ks(n, t);
      case "client_streaming":
        return ks(n, t);
      case "bidi_streaming":
        return vs(n, t);
      default:
        return null;
    }
  });
}
function Ls(e, n) {
  return async (t, c) => {
    var o, a;
    const s = await e.unary(n, c?.signal, c?.timeoutMs, c?.headers, t, c?.contextValues);
    return (o = c?.onHeader) === null || o === void 0 || o.call(c, s.header), (a = c?.onTrailer) === null || a === void 0 || a.call(c, s.trailer), s.message;
  };
}
function Ks(e, n) {
  return (t, c) => Bc(e.stream(n, c?.signal, c?.timeoutMs, c?.headers, zs([t]), c?.contextValues), c);
}
function ks(e, n) {
  return async (t, c) => {
    var o, a, s, r, i, l;
    const u = await e.stream(n, c?.signal, c?.timeoutMs, c?.headers, t, c?.contextValues);
    (i = c?.onHeader) === null || i === void 0 || i.call(c, u.header);
    let g, y = 0;
    try {
      for (var m = !0, b = Jc(u.message), h; h = await b.next(), o = h.done, !o; m = !0)
        r = h.value, m = !1, g = r, y++;
    } catch (I) {
      a = { error: I };
    } finally {
      try {
        !m && !o && (s = b.return) && await s.call(b);
      } finally {
        if (a) throw a.error;
      }
    }
    if (!g)
      throw new C("protocol error: missing response message", p.Unimplemented);
    if (y > 1)
      throw new C("protocol error: received extra messages for client streaming method", p.Unimplemented);
    return (l = c?.onTrailer) === null || l === void 0 || l.call(c, u.trailer), g;
  };
}
function vs(e, n) {
  return (t, c) => Bc(e.stream(n, c?.signal, c?.timeoutMs, c?.headers, t, c?.contextValues), c);
}
function Bc(e, n) {
  const t = (function() {
    return Ms(this, arguments, function* () {
      var c, o;
      const a = yield D(e);
      (c = n?.onHeader) === null || c === void 0 || c.call(n, a.header), yield D(yield* ws(Jc(a.message))), (o = n?.onTrailer) === null || o === void 0 || o.call(n, a.trailer);
    });
  })()[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => t.next()
    })
  };
}
function Qs(...e) {
  const n = new AbortController(), t = e.filter((o) => o !== void 0).concat(n.signal);
  for (const o of t) {
    if (o.aborted) {
      c.apply(o);
      break;
    }
    o.addEventListener("abort", c);
  }
  function c() {
    n.signal.aborted || n.abort(bn(this));
    for (const o of t)
      o.removeEventListener("abort", c);
  }
  return n;
}
function Us(e) {
  const n = new AbortController(), t = () => {
    n.abort(new C("the operation timed out", p.DeadlineExceeded));
  };
  let c;
  return e !== void 0 && (e <= 0 ? t() : c = setTimeout(t, e)), {
    signal: n.signal,
    cleanup: () => clearTimeout(c)
  };
}
function bn(e) {
  if (!e.aborted)
    return;
  if (e.reason !== void 0)
    return e.reason;
  const n = new Error("This operation was aborted");
  return n.name = "AbortError", n;
}
function at() {
  return {
    get(e) {
      return e.id in this ? this[e.id] : e.defaultValue;
    },
    set(e, n) {
      return this[e.id] = n, this;
    },
    delete(e) {
      return delete this[e.id], this;
    }
  };
}
function Ds(e, n, ...t) {
  if (t.length > 0)
    throw new Error();
  return e.services[n];
}
const ye = "Content-Type", Ts = "Content-Length", st = "Content-Encoding", Os = "Accept-Encoding", Ps = "Connect-Timeout-Ms", Wc = "Connect-Protocol-Version", _s = "User-Agent";
function rt(e, n) {
  return e.toString().replace(/\/?$/, `/${n.parent.typeName}/${n.name}`);
}
function Sc(e, n) {
  return J(e, n);
}
function js(e, n) {
  function t(c) {
    return c.done === !0 ? c : {
      done: c.done,
      value: Sc(e, c.value)
    };
  }
  return {
    [Symbol.asyncIterator]() {
      const c = n[Symbol.asyncIterator](), o = {
        next: () => c.next().then(t)
      };
      return c.throw !== void 0 && (o.throw = (a) => c.throw(a).then(t)), c.return !== void 0 && (o.return = (a) => c.return(a).then(t)), o;
    }
  };
}
function Rc(e, n) {
  if (!n)
    return e;
  for (const t of n.concat().reverse())
    e = t(e);
  return e;
}
function Nc(e) {
  var n;
  const t = Object.assign({}, e);
  return (n = t.ignoreUnknownFields) !== null && n !== void 0 || (t.ignoreUnknownFields = !0), t;
}
function it(e, n, t, c) {
  const o = n ? lt(e.input, c) : dt(e.input, t);
  return { parse: (n ? lt(e.output, c) : dt(e.output, t)).parse, serialize: o.serialize };
}
function lt(e, n) {
  return {
    parse(t) {
      try {
        return he(e, t, n);
      } catch (c) {
        const o = c instanceof Error ? c.message : String(c);
        throw new C(`parse binary: ${o}`, p.Internal);
      }
    },
    serialize(t) {
      try {
        return oc(e, t, n);
      } catch (c) {
        const o = c instanceof Error ? c.message : String(c);
        throw new C(`serialize binary: ${o}`, p.Internal);
      }
    }
  };
}
function dt(e, n) {
  var t, c;
  const o = (t = n?.textEncoder) !== null && t !== void 0 ? t : new TextEncoder(), a = (c = n?.textDecoder) !== null && c !== void 0 ? c : new TextDecoder(), s = Nc(n);
  return {
    parse(r) {
      try {
        const i = a.decode(r);
        return rs(e, i, s);
      } catch (i) {
        throw C.from(i, p.InvalidArgument);
      }
    },
    serialize(r) {
      try {
        const i = Ua(e, r, s);
        return o.encode(i);
      } catch (i) {
        throw C.from(i, p.Internal);
      }
    }
  };
}
const $s = /^application\/(connect\+)?(?:(json)(?:; ?charset=utf-?8)?|(proto))$/i, qs = "application/proto", er = "application/json", nr = "application/connect+proto", tr = "application/connect+json";
function cr(e) {
  const n = e?.match($s);
  if (!n)
    return;
  const t = !!n[1], c = !!n[3];
  return { stream: t, binary: c };
}
function Yc(e, n, t) {
  var c;
  if (n && new Headers(n).forEach((r, i) => t.metadata.append(i, r)), typeof e != "object" || e == null || Array.isArray(e))
    throw t;
  let o = t.code;
  "code" in e && typeof e.code == "string" && (o = (c = Xs(e.code)) !== null && c !== void 0 ? c : o);
  const a = e.message;
  if (a != null && typeof a != "string")
    throw t;
  const s = new C(a ?? "", o, n);
  if (s.isWireError = !0, "details" in e && Array.isArray(e.details))
    for (const r of e.details) {
      if (r === null || typeof r != "object" || Array.isArray(r) || typeof r.type != "string" || typeof r.value != "string")
        throw t;
      try {
        s.details.push({
          type: r.type,
          value: qe(r.value),
          debug: r.debug
        });
      } catch {
        throw t;
      }
    }
  return s;
}
const ut = 2;
function or(e) {
  const n = new C("invalid end stream", p.Unknown);
  let t;
  try {
    t = JSON.parse(typeof e == "string" ? e : new TextDecoder().decode(e));
  } catch {
    throw n;
  }
  if (typeof t != "object" || t == null || Array.isArray(t))
    throw n;
  const c = new Headers();
  if ("metadata" in t) {
    if (typeof t.metadata != "object" || t.metadata == null || Array.isArray(t.metadata))
      throw n;
    for (const [a, s] of Object.entries(t.metadata)) {
      if (!Array.isArray(s) || s.some((r) => typeof r != "string"))
        throw n;
      for (const r of s)
        c.append(a, r);
    }
  }
  const o = "error" in t && t.error != null ? Yc(t.error, c, n) : void 0;
  return { metadata: c, error: o };
}
function ar(e) {
  switch (e) {
    case 400:
      return p.Internal;
    case 401:
      return p.Unauthenticated;
    case 403:
      return p.PermissionDenied;
    case 404:
      return p.Unimplemented;
    case 429:
      return p.Unavailable;
    case 502:
      return p.Unavailable;
    case 503:
      return p.Unavailable;
    case 504:
      return p.Unavailable;
    default:
      return p.Unknown;
  }
}
function mt(e) {
  const n = new Headers(), t = new Headers();
  return e.forEach((c, o) => {
    o.toLowerCase().startsWith("trailer-") ? t.append(o.substring(8), c) : n.append(o, c);
  }), [n, t];
}
const xc = "1";
function gt(e, n, t, c, o) {
  const a = new Headers(c ?? {});
  return t !== void 0 && a.set(Ps, `${t}`), a.set(ye, e == "unary" ? n ? qs : er : n ? nr : tr), a.set(Wc, xc), a.has(_s), a;
}
function bt(e, n, t, c) {
  const o = c.get(ye), a = cr(o);
  if (t !== 200) {
    const r = new C(`HTTP ${t}`, ar(t), c);
    if (e == "unary" && a && !a.binary)
      return { isUnaryError: !0, unaryError: r };
    throw r;
  }
  const s = {
    binary: n,
    stream: e !== "unary"
  };
  if (a?.binary !== s.binary || a.stream !== s.stream)
    throw new C(`unsupported content type ${o}`, a === void 0 ? p.Unknown : p.Internal, c);
  return { isUnaryError: !1 };
}
const yt = "application/";
function sr(e, n) {
  return n ? kt(e, "url") : encodeURIComponent(new TextDecoder().decode(e));
}
function rr(e, n, t) {
  let c = `?connect=v${xc}`, o = "";
  const a = e.header.get(st);
  a !== null && a !== "identity" && (o = "&compression=" + encodeURIComponent(a), t = !0), t && (c += "&base64=1"), c += o;
  const s = e.header.get(ye);
  s?.indexOf(yt) === 0 && (c += "&encoding=" + encodeURIComponent(s.slice(yt.length))), c += "&message=" + sr(n, t);
  const r = e.url + c, i = new Headers(e.header);
  for (const l of [
    Wc,
    ye,
    Ts,
    st,
    Os
  ])
    i.delete(l);
  return Object.assign(Object.assign({}, e), {
    requestMethod: "GET",
    url: r,
    header: i
  });
}
function ir(e) {
  const n = Rc(e.next, e.interceptors), [t, c, o] = Ec(e), a = Object.assign(Object.assign({}, e.req), { message: Sc(e.req.method.input, e.req.message), signal: t });
  return n(a).then((s) => (o(), s), c);
}
function lr(e) {
  const n = Rc(e.next, e.interceptors), [t, c, o] = Ec(e), a = Object.assign(Object.assign({}, e.req), { message: js(e.req.method.input, e.req.message), signal: t });
  let s = !1;
  return t.addEventListener("abort", function() {
    var r, i;
    const l = e.req.message[Symbol.asyncIterator]();
    s || (r = l.throw) === null || r === void 0 || r.call(l, this.reason).catch(() => {
    }), (i = l.return) === null || i === void 0 || i.call(l).catch(() => {
    });
  }), n(a).then((r) => Object.assign(Object.assign({}, r), { message: {
    [Symbol.asyncIterator]() {
      const i = r.message[Symbol.asyncIterator]();
      return {
        next() {
          return !s && t.aborted ? c(bn(t)) : i.next().then((l) => (l.done == !0 && (s = !0, o()), l), c);
        }
        // We deliberately omit throw/return.
      };
    }
  } }), c);
}
function Ec(e) {
  const { signal: n, cleanup: t } = Us(e.timeoutMs), c = Qs(e.signal, n);
  return [
    c.signal,
    function(a) {
      const s = c.signal.aborted ? C.from(bn(c.signal), p.Canceled) : C.from(a);
      return c.abort(s), t(), Promise.reject(s);
    },
    function() {
      t(), c.abort();
    }
  ];
}
const dr = /* @__PURE__ */ L("ChtidWYvdmFsaWRhdGUvdmFsaWRhdGUucHJvdG8SDGJ1Zi52YWxpZGF0ZSI3CgRSdWxlEgoKAmlkGAEgASgJEg8KB21lc3NhZ2UYAiABKAkSEgoKZXhwcmVzc2lvbhgDIAEoCSKGAQoMTWVzc2FnZVJ1bGVzEhYKDmNlbF9leHByZXNzaW9uGAUgAygJEh8KA2NlbBgDIAMoCzISLmJ1Zi52YWxpZGF0ZS5SdWxlEi0KBW9uZW9mGAQgAygLMh4uYnVmLnZhbGlkYXRlLk1lc3NhZ2VPbmVvZlJ1bGVKBAgBEAJSCGRpc2FibGVkIjQKEE1lc3NhZ2VPbmVvZlJ1bGUSDgoGZmllbGRzGAEgAygJEhAKCHJlcXVpcmVkGAIgASgIIh4KCk9uZW9mUnVsZXMSEAoIcmVxdWlyZWQYASABKAgiiwkKCkZpZWxkUnVsZXMSFgoOY2VsX2V4cHJlc3Npb24YHSADKAkSHwoDY2VsGBcgAygLMhIuYnVmLnZhbGlkYXRlLlJ1bGUSEAoIcmVxdWlyZWQYGSABKAgSJAoGaWdub3JlGBsgASgOMhQuYnVmLnZhbGlkYXRlLklnbm9yZRIpCgVmbG9hdBgBIAEoCzIYLmJ1Zi52YWxpZGF0ZS5GbG9hdFJ1bGVzSAASKwoGZG91YmxlGAIgASgLMhkuYnVmLnZhbGlkYXRlLkRvdWJsZVJ1bGVzSAASKQoFaW50MzIYAyABKAsyGC5idWYudmFsaWRhdGUuSW50MzJSdWxlc0gAEikKBWludDY0GAQgASgLMhguYnVmLnZhbGlkYXRlLkludDY0UnVsZXNIABIrCgZ1aW50MzIYBSABKAsyGS5idWYudmFsaWRhdGUuVUludDMyUnVsZXNIABIrCgZ1aW50NjQYBiABKAsyGS5idWYudmFsaWRhdGUuVUludDY0UnVsZXNIABIrCgZzaW50MzIYByABKAsyGS5idWYudmFsaWRhdGUuU0ludDMyUnVsZXNIABIrCgZzaW50NjQYCCABKAsyGS5idWYudmFsaWRhdGUuU0ludDY0UnVsZXNIABItCgdmaXhlZDMyGAkgASgLMhouYnVmLnZhbGlkYXRlLkZpeGVkMzJSdWxlc0gAEi0KB2ZpeGVkNjQYCiABKAsyGi5idWYudmFsaWRhdGUuRml4ZWQ2NFJ1bGVzSAASLwoIc2ZpeGVkMzIYCyABKAsyGy5idWYudmFsaWRhdGUuU0ZpeGVkMzJSdWxlc0gAEi8KCHNmaXhlZDY0GAwgASgLMhsuYnVmLnZhbGlkYXRlLlNGaXhlZDY0UnVsZXNIABInCgRib29sGA0gASgLMhcuYnVmLnZhbGlkYXRlLkJvb2xSdWxlc0gAEisKBnN0cmluZxgOIAEoCzIZLmJ1Zi52YWxpZGF0ZS5TdHJpbmdSdWxlc0gAEikKBWJ5dGVzGA8gASgLMhguYnVmLnZhbGlkYXRlLkJ5dGVzUnVsZXNIABInCgRlbnVtGBAgASgLMhcuYnVmLnZhbGlkYXRlLkVudW1SdWxlc0gAEi8KCHJlcGVhdGVkGBIgASgLMhsuYnVmLnZhbGlkYXRlLlJlcGVhdGVkUnVsZXNIABIlCgNtYXAYEyABKAsyFi5idWYudmFsaWRhdGUuTWFwUnVsZXNIABIlCgNhbnkYFCABKAsyFi5idWYudmFsaWRhdGUuQW55UnVsZXNIABIvCghkdXJhdGlvbhgVIAEoCzIbLmJ1Zi52YWxpZGF0ZS5EdXJhdGlvblJ1bGVzSAASMgoKZmllbGRfbWFzaxgcIAEoCzIcLmJ1Zi52YWxpZGF0ZS5GaWVsZE1hc2tSdWxlc0gAEjEKCXRpbWVzdGFtcBgWIAEoCzIcLmJ1Zi52YWxpZGF0ZS5UaW1lc3RhbXBSdWxlc0gAQgYKBHR5cGVKBAgYEBlKBAgaEBtSB3NraXBwZWRSDGlnbm9yZV9lbXB0eSJVCg9QcmVkZWZpbmVkUnVsZXMSHwoDY2VsGAEgAygLMhIuYnVmLnZhbGlkYXRlLlJ1bGVKBAgYEBlKBAgaEBtSB3NraXBwZWRSDGlnbm9yZV9lbXB0eSL4FgoKRmxvYXRSdWxlcxJ9CgVjb25zdBgBIAEoAkJuwkhrCmkKC2Zsb2F0LmNvbnN0Glp0aGlzICE9IGdldEZpZWxkKHJ1bGVzLCAnY29uc3QnKSA/ICdtdXN0IGVxdWFsICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnY29uc3QnKV0pIDogJycSmQEKAmx0GAIgASgCQooBwkiGAQqDAQoIZmxvYXQubHQadyFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiAodGhpcy5pc05hbigpIHx8IHRoaXMgPj0gcnVsZXMubHQpPyAnbXVzdCBiZSBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMubHRdKSA6ICcnSAASqQEKA2x0ZRgDIAEoAkKZAcJIlQEKkgEKCWZsb2F0Lmx0ZRqEASFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiAodGhpcy5pc05hbigpIHx8IHRoaXMgPiBydWxlcy5sdGUpPyAnbXVzdCBiZSBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMubHRlXSkgOiAnJ0gAEtAHCgJndBgEIAEoAkLBB8JIvQcKhgEKCGZsb2F0Lmd0GnohaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwq9AQoLZmxvYXQuZ3RfbHQarQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ICYmICh0aGlzLmlzTmFuKCkgfHwgdGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwrHAQoVZmxvYXQuZ3RfbHRfZXhjbHVzaXZlGq0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmICh0aGlzLmlzTmFuKCkgfHwgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCkpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKzQEKDGZsb2F0Lmd0X2x0ZRq8AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndCAmJiAodGhpcy5pc05hbigpIHx8IHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnCtcBChZmbG9hdC5ndF9sdGVfZXhjbHVzaXZlGrwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3QgJiYgKHRoaXMuaXNOYW4oKSB8fCAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJydIARKcCAoDZ3RlGAUgASgCQowIwkiICAqVAQoJZmxvYXQuZ3RlGocBIWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmICh0aGlzLmlzTmFuKCkgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGVdKSA6ICcnCswBCgxmbG9hdC5ndGVfbHQauwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcy5pc05hbigpIHx8IHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCtYBChZmbG9hdC5ndGVfbHRfZXhjbHVzaXZlGrsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAodGhpcy5pc05hbigpIHx8IChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrcAQoNZmxvYXQuZ3RlX2x0ZRrKAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK5gEKF2Zsb2F0Lmd0ZV9sdGVfZXhjbHVzaXZlGsoBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3RlICYmICh0aGlzLmlzTmFuKCkgfHwgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSkpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJ0gBEnkKAmluGAYgAygCQm3CSGoKaAoIZmxvYXQuaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEnAKBm5vdF9pbhgHIAMoAkJgwkhdClsKDGZsb2F0Lm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEm8KBmZpbml0ZRgIIAEoCEJfwkhcCloKDGZsb2F0LmZpbml0ZRpKcnVsZXMuZmluaXRlID8gKHRoaXMuaXNOYW4oKSB8fCB0aGlzLmlzSW5mKCkgPyAnbXVzdCBiZSBmaW5pdGUnIDogJycpIDogJycSKwoHZXhhbXBsZRgJIAMoAkIawkgXChUKDWZsb2F0LmV4YW1wbGUaBHRydWUqCQjoBxCAgICAAkILCglsZXNzX3RoYW5CDgoMZ3JlYXRlcl90aGFuIooXCgtEb3VibGVSdWxlcxJ+CgVjb25zdBgBIAEoAUJvwkhsCmoKDGRvdWJsZS5jb25zdBpadGhpcyAhPSBnZXRGaWVsZChydWxlcywgJ2NvbnN0JykgPyAnbXVzdCBlcXVhbCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2NvbnN0JyldKSA6ICcnEpoBCgJsdBgCIAEoAUKLAcJIhwEKhAEKCWRvdWJsZS5sdBp3IWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmICh0aGlzLmlzTmFuKCkgfHwgdGhpcyA+PSBydWxlcy5sdCk/ICdtdXN0IGJlIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5sdF0pIDogJydIABKqAQoDbHRlGAMgASgBQpoBwkiWAQqTAQoKZG91YmxlLmx0ZRqEASFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiAodGhpcy5pc05hbigpIHx8IHRoaXMgPiBydWxlcy5sdGUpPyAnbXVzdCBiZSBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMubHRlXSkgOiAnJ0gAEtUHCgJndBgEIAEoAULGB8JIwgcKhwEKCWRvdWJsZS5ndBp6IWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmICh0aGlzLmlzTmFuKCkgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndF0pIDogJycKvgEKDGRvdWJsZS5ndF9sdBqtAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3QgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCsgBChZkb3VibGUuZ3RfbHRfZXhjbHVzaXZlGq0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmICh0aGlzLmlzTmFuKCkgfHwgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCkpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKzgEKDWRvdWJsZS5ndF9sdGUavAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3QgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrYAQoXZG91YmxlLmd0X2x0ZV9leGNsdXNpdmUavAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndCAmJiAodGhpcy5pc05hbigpIHx8IChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJ0gBEqEICgNndGUYBSABKAFCkQjCSI0ICpYBCgpkb3VibGUuZ3RlGocBIWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmICh0aGlzLmlzTmFuKCkgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGVdKSA6ICcnCs0BCg1kb3VibGUuZ3RlX2x0GrsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndGUgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrXAQoXZG91YmxlLmd0ZV9sdF9leGNsdXNpdmUauwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3RlICYmICh0aGlzLmlzTmFuKCkgfHwgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSkpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCt0BCg5kb3VibGUuZ3RlX2x0ZRrKAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMuaXNOYW4oKSB8fCB0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK5wEKGGRvdWJsZS5ndGVfbHRlX2V4Y2x1c2l2ZRrKAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAodGhpcy5pc05hbigpIHx8IChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ6CgJpbhgGIAMoAUJuwkhrCmkKCWRvdWJsZS5pbhpcISh0aGlzIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSkgPyAnbXVzdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnaW4nKV0pIDogJycScQoGbm90X2luGAcgAygBQmHCSF4KXAoNZG91YmxlLm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEnAKBmZpbml0ZRgIIAEoCEJgwkhdClsKDWRvdWJsZS5maW5pdGUaSnJ1bGVzLmZpbml0ZSA/ICh0aGlzLmlzTmFuKCkgfHwgdGhpcy5pc0luZigpID8gJ211c3QgYmUgZmluaXRlJyA6ICcnKSA6ICcnEiwKB2V4YW1wbGUYCSADKAFCG8JIGAoWCg5kb3VibGUuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4isBQKCkludDMyUnVsZXMSfQoFY29uc3QYASABKAVCbsJIawppCgtpbnQzMi5jb25zdBpadGhpcyAhPSBnZXRGaWVsZChydWxlcywgJ2NvbnN0JykgPyAnbXVzdCBlcXVhbCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2NvbnN0JyldKSA6ICcnEoQBCgJsdBgCIAEoBUJ2wkhzCnEKCGludDMyLmx0GmUhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+PSBydWxlcy5sdD8gJ211c3QgYmUgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmx0XSkgOiAnJ0gAEpUBCgNsdGUYAyABKAVChQHCSIEBCn8KCWludDMyLmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAAS+QYKAmd0GAQgASgFQuoGwkjmBgp0CghpbnQzMi5ndBpoIWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPD0gcnVsZXMuZ3Q/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndF0pIDogJycKrQEKC2ludDMyLmd0X2x0Gp0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndCAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwq1AQoVaW50MzIuZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKvQEKDGludDMyLmd0X2x0ZRqsAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndCAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJycKxQEKFmludDMyLmd0X2x0ZV9leGNsdXNpdmUaqgFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndCAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJ0gBEsUHCgNndGUYBSABKAVCtQfCSLEHCoIBCglpbnQzMi5ndGUadSFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDwgcnVsZXMuZ3RlPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlXSkgOiAnJwq8AQoMaW50MzIuZ3RlX2x0GqsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCsQBChZpbnQzMi5ndGVfbHRfZXhjbHVzaXZlGqkBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrMAQoNaW50MzIuZ3RlX2x0ZRq6AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJwrUAQoXaW50MzIuZ3RlX2x0ZV9leGNsdXNpdmUauAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnSAESeQoCaW4YBiADKAVCbcJIagpoCghpbnQzMi5pbhpcISh0aGlzIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSkgPyAnbXVzdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnaW4nKV0pIDogJycScAoGbm90X2luGAcgAygFQmDCSF0KWwoMaW50MzIubm90X2luGkt0aGlzIGluIHJ1bGVzLm5vdF9pbiA/ICdtdXN0IG5vdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW3J1bGVzLm5vdF9pbl0pIDogJycSKwoHZXhhbXBsZRgIIAMoBUIawkgXChUKDWludDMyLmV4YW1wbGUaBHRydWUqCQjoBxCAgICAAkILCglsZXNzX3RoYW5CDgoMZ3JlYXRlcl90aGFuIrAUCgpJbnQ2NFJ1bGVzEn0KBWNvbnN0GAEgASgDQm7CSGsKaQoLaW50NjQuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKEAQoCbHQYAiABKANCdsJIcwpxCghpbnQ2NC5sdBplIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPj0gcnVsZXMubHQ/ICdtdXN0IGJlIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5sdF0pIDogJydIABKVAQoDbHRlGAMgASgDQoUBwkiBAQp/CglpbnQ2NC5sdGUaciFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID4gcnVsZXMubHRlPyAnbXVzdCBiZSBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMubHRlXSkgOiAnJ0gAEvkGCgJndBgEIAEoA0LqBsJI5gYKdAoIaW50NjQuZ3QaaCFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDw9IHJ1bGVzLmd0PyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RdKSA6ICcnCq0BCgtpbnQ2NC5ndF9sdBqdAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKtQEKFWludDY0Lmd0X2x0X2V4Y2x1c2l2ZRqbAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndCAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCr0BCgxpbnQ2NC5ndF9sdGUarAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnCsUBChZpbnQ2NC5ndF9sdGVfZXhjbHVzaXZlGqoBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJydIARLFBwoDZ3RlGAUgASgDQrUHwkixBwqCAQoJaW50NjQuZ3RlGnUhaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8IHJ1bGVzLmd0ZT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZV0pIDogJycKvAEKDGludDY0Lmd0ZV9sdBqrAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3RlICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrEAQoWaW50NjQuZ3RlX2x0X2V4Y2x1c2l2ZRqpAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKzAEKDWludDY0Lmd0ZV9sdGUaugFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3RlICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK1AEKF2ludDY0Lmd0ZV9sdGVfZXhjbHVzaXZlGrgBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3RlICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJ0gBEnkKAmluGAYgAygDQm3CSGoKaAoIaW50NjQuaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEnAKBm5vdF9pbhgHIAMoA0JgwkhdClsKDGludDY0Lm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEisKB2V4YW1wbGUYCSADKANCGsJIFwoVCg1pbnQ2NC5leGFtcGxlGgR0cnVlKgkI6AcQgICAgAJCCwoJbGVzc190aGFuQg4KDGdyZWF0ZXJfdGhhbiLCFAoLVUludDMyUnVsZXMSfgoFY29uc3QYASABKA1Cb8JIbApqCgx1aW50MzIuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKFAQoCbHQYAiABKA1Cd8JIdApyCgl1aW50MzIubHQaZSFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID49IHJ1bGVzLmx0PyAnbXVzdCBiZSBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMubHRdKSA6ICcnSAASlwEKA2x0ZRgDIAEoDUKHAcJIgwEKgAEKCnVpbnQzMi5sdGUaciFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID4gcnVsZXMubHRlPyAnbXVzdCBiZSBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMubHRlXSkgOiAnJ0gAEv4GCgJndBgEIAEoDULvBsJI6wYKdQoJdWludDMyLmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwquAQoMdWludDMyLmd0X2x0Gp0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndCAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwq2AQoWdWludDMyLmd0X2x0X2V4Y2x1c2l2ZRqbAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndCAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCr4BCg11aW50MzIuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrGAQoXdWludDMyLmd0X2x0ZV9leGNsdXNpdmUaqgFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndCAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJ0gBEsoHCgNndGUYBSABKA1CugfCSLYHCoMBCgp1aW50MzIuZ3RlGnUhaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8IHJ1bGVzLmd0ZT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZV0pIDogJycKvQEKDXVpbnQzMi5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxQEKF3VpbnQzMi5ndGVfbHRfZXhjbHVzaXZlGqkBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrNAQoOdWludDMyLmd0ZV9sdGUaugFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3RlICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK1QEKGHVpbnQzMi5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ6CgJpbhgGIAMoDUJuwkhrCmkKCXVpbnQzMi5pbhpcISh0aGlzIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSkgPyAnbXVzdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnaW4nKV0pIDogJycScQoGbm90X2luGAcgAygNQmHCSF4KXAoNdWludDMyLm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEiwKB2V4YW1wbGUYCCADKA1CG8JIGAoWCg51aW50MzIuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4iwhQKC1VJbnQ2NFJ1bGVzEn4KBWNvbnN0GAEgASgEQm/CSGwKagoMdWludDY0LmNvbnN0Glp0aGlzICE9IGdldEZpZWxkKHJ1bGVzLCAnY29uc3QnKSA/ICdtdXN0IGVxdWFsICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnY29uc3QnKV0pIDogJycShQEKAmx0GAIgASgEQnfCSHQKcgoJdWludDY0Lmx0GmUhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+PSBydWxlcy5sdD8gJ211c3QgYmUgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmx0XSkgOiAnJ0gAEpcBCgNsdGUYAyABKARChwHCSIMBCoABCgp1aW50NjQubHRlGnIhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+IHJ1bGVzLmx0ZT8gJ211c3QgYmUgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmx0ZV0pIDogJydIABL+BgoCZ3QYBCABKARC7wbCSOsGCnUKCXVpbnQ2NC5ndBpoIWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPD0gcnVsZXMuZ3Q/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndF0pIDogJycKrgEKDHVpbnQ2NC5ndF9sdBqdAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKtgEKFnVpbnQ2NC5ndF9sdF9leGNsdXNpdmUamwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwq+AQoNdWludDY0Lmd0X2x0ZRqsAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndCAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJycKxgEKF3VpbnQ2NC5ndF9sdGVfZXhjbHVzaXZlGqoBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJydIARLKBwoDZ3RlGAUgASgEQroHwki2BwqDAQoKdWludDY0Lmd0ZRp1IWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPCBydWxlcy5ndGU/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGVdKSA6ICcnCr0BCg11aW50NjQuZ3RlX2x0GqsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCsUBChd1aW50NjQuZ3RlX2x0X2V4Y2x1c2l2ZRqpAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKzQEKDnVpbnQ2NC5ndGVfbHRlGroBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnCtUBChh1aW50NjQuZ3RlX2x0ZV9leGNsdXNpdmUauAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnSAESegoCaW4YBiADKARCbsJIawppCgl1aW50NjQuaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEnEKBm5vdF9pbhgHIAMoBEJhwkheClwKDXVpbnQ2NC5ub3RfaW4aS3RoaXMgaW4gcnVsZXMubm90X2luID8gJ211c3Qgbm90IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbcnVsZXMubm90X2luXSkgOiAnJxIsCgdleGFtcGxlGAggAygEQhvCSBgKFgoOdWludDY0LmV4YW1wbGUaBHRydWUqCQjoBxCAgICAAkILCglsZXNzX3RoYW5CDgoMZ3JlYXRlcl90aGFuIsIUCgtTSW50MzJSdWxlcxJ+CgVjb25zdBgBIAEoEUJvwkhsCmoKDHNpbnQzMi5jb25zdBpadGhpcyAhPSBnZXRGaWVsZChydWxlcywgJ2NvbnN0JykgPyAnbXVzdCBlcXVhbCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2NvbnN0JyldKSA6ICcnEoUBCgJsdBgCIAEoEUJ3wkh0CnIKCXNpbnQzMi5sdBplIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPj0gcnVsZXMubHQ/ICdtdXN0IGJlIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5sdF0pIDogJydIABKXAQoDbHRlGAMgASgRQocBwkiDAQqAAQoKc2ludDMyLmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAAS/gYKAmd0GAQgASgRQu8GwkjrBgp1CglzaW50MzIuZ3QaaCFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDw9IHJ1bGVzLmd0PyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RdKSA6ICcnCq4BCgxzaW50MzIuZ3RfbHQanQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCrYBChZzaW50MzIuZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKvgEKDXNpbnQzMi5ndF9sdGUarAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnCsYBChdzaW50MzIuZ3RfbHRlX2V4Y2x1c2l2ZRqqAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnSAESygcKA2d0ZRgFIAEoEUK6B8JItgcKgwEKCnNpbnQzMi5ndGUadSFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDwgcnVsZXMuZ3RlPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlXSkgOiAnJwq9AQoNc2ludDMyLmd0ZV9sdBqrAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3RlICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrFAQoXc2ludDMyLmd0ZV9sdF9leGNsdXNpdmUaqQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3RlICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCs0BCg5zaW50MzIuZ3RlX2x0ZRq6AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJwrVAQoYc2ludDMyLmd0ZV9sdGVfZXhjbHVzaXZlGrgBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3RlICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJ0gBEnoKAmluGAYgAygRQm7CSGsKaQoJc2ludDMyLmluGlwhKHRoaXMgaW4gZ2V0RmllbGQocnVsZXMsICdpbicpKSA/ICdtdXN0IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdpbicpXSkgOiAnJxJxCgZub3RfaW4YByADKBFCYcJIXgpcCg1zaW50MzIubm90X2luGkt0aGlzIGluIHJ1bGVzLm5vdF9pbiA/ICdtdXN0IG5vdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW3J1bGVzLm5vdF9pbl0pIDogJycSLAoHZXhhbXBsZRgIIAMoEUIbwkgYChYKDnNpbnQzMi5leGFtcGxlGgR0cnVlKgkI6AcQgICAgAJCCwoJbGVzc190aGFuQg4KDGdyZWF0ZXJfdGhhbiLCFAoLU0ludDY0UnVsZXMSfgoFY29uc3QYASABKBJCb8JIbApqCgxzaW50NjQuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKFAQoCbHQYAiABKBJCd8JIdApyCglzaW50NjQubHQaZSFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID49IHJ1bGVzLmx0PyAnbXVzdCBiZSBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMubHRdKSA6ICcnSAASlwEKA2x0ZRgDIAEoEkKHAcJIgwEKgAEKCnNpbnQ2NC5sdGUaciFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID4gcnVsZXMubHRlPyAnbXVzdCBiZSBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMubHRlXSkgOiAnJ0gAEv4GCgJndBgEIAEoEkLvBsJI6wYKdQoJc2ludDY0Lmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwquAQoMc2ludDY0Lmd0X2x0Gp0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndCAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwq2AQoWc2ludDY0Lmd0X2x0X2V4Y2x1c2l2ZRqbAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndCAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCr4BCg1zaW50NjQuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrGAQoXc2ludDY0Lmd0X2x0ZV9leGNsdXNpdmUaqgFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndCAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJ0gBEsoHCgNndGUYBSABKBJCugfCSLYHCoMBCgpzaW50NjQuZ3RlGnUhaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8IHJ1bGVzLmd0ZT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZV0pIDogJycKvQEKDXNpbnQ2NC5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxQEKF3NpbnQ2NC5ndGVfbHRfZXhjbHVzaXZlGqkBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrNAQoOc2ludDY0Lmd0ZV9sdGUaugFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3RlICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK1QEKGHNpbnQ2NC5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ6CgJpbhgGIAMoEkJuwkhrCmkKCXNpbnQ2NC5pbhpcISh0aGlzIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSkgPyAnbXVzdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnaW4nKV0pIDogJycScQoGbm90X2luGAcgAygSQmHCSF4KXAoNc2ludDY0Lm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEiwKB2V4YW1wbGUYCCADKBJCG8JIGAoWCg5zaW50NjQuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4i0xQKDEZpeGVkMzJSdWxlcxJ/CgVjb25zdBgBIAEoB0JwwkhtCmsKDWZpeGVkMzIuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKGAQoCbHQYAiABKAdCeMJIdQpzCgpmaXhlZDMyLmx0GmUhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+PSBydWxlcy5sdD8gJ211c3QgYmUgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmx0XSkgOiAnJ0gAEpgBCgNsdGUYAyABKAdCiAHCSIQBCoEBCgtmaXhlZDMyLmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAASgwcKAmd0GAQgASgHQvQGwkjwBgp2CgpmaXhlZDMyLmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwqvAQoNZml4ZWQzMi5ndF9sdBqdAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKtwEKF2ZpeGVkMzIuZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKvwEKDmZpeGVkMzIuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrHAQoYZml4ZWQzMi5ndF9sdGVfZXhjbHVzaXZlGqoBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJydIARLPBwoDZ3RlGAUgASgHQr8Hwki7BwqEAQoLZml4ZWQzMi5ndGUadSFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDwgcnVsZXMuZ3RlPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlXSkgOiAnJwq+AQoOZml4ZWQzMi5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxgEKGGZpeGVkMzIuZ3RlX2x0X2V4Y2x1c2l2ZRqpAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKzgEKD2ZpeGVkMzIuZ3RlX2x0ZRq6AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJwrWAQoZZml4ZWQzMi5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ7CgJpbhgGIAMoB0JvwkhsCmoKCmZpeGVkMzIuaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEnIKBm5vdF9pbhgHIAMoB0JiwkhfCl0KDmZpeGVkMzIubm90X2luGkt0aGlzIGluIHJ1bGVzLm5vdF9pbiA/ICdtdXN0IG5vdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW3J1bGVzLm5vdF9pbl0pIDogJycSLQoHZXhhbXBsZRgIIAMoB0IcwkgZChcKD2ZpeGVkMzIuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4i0xQKDEZpeGVkNjRSdWxlcxJ/CgVjb25zdBgBIAEoBkJwwkhtCmsKDWZpeGVkNjQuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKGAQoCbHQYAiABKAZCeMJIdQpzCgpmaXhlZDY0Lmx0GmUhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+PSBydWxlcy5sdD8gJ211c3QgYmUgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmx0XSkgOiAnJ0gAEpgBCgNsdGUYAyABKAZCiAHCSIQBCoEBCgtmaXhlZDY0Lmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAASgwcKAmd0GAQgASgGQvQGwkjwBgp2CgpmaXhlZDY0Lmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwqvAQoNZml4ZWQ2NC5ndF9sdBqdAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKtwEKF2ZpeGVkNjQuZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKvwEKDmZpeGVkNjQuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrHAQoYZml4ZWQ2NC5ndF9sdGVfZXhjbHVzaXZlGqoBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlIDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJydIARLPBwoDZ3RlGAUgASgGQr8Hwki7BwqEAQoLZml4ZWQ2NC5ndGUadSFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDwgcnVsZXMuZ3RlPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlXSkgOiAnJwq+AQoOZml4ZWQ2NC5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxgEKGGZpeGVkNjQuZ3RlX2x0X2V4Y2x1c2l2ZRqpAWhhcyhydWxlcy5sdCkgJiYgcnVsZXMubHQgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKzgEKD2ZpeGVkNjQuZ3RlX2x0ZRq6AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJwrWAQoZZml4ZWQ2NC5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ7CgJpbhgGIAMoBkJvwkhsCmoKCmZpeGVkNjQuaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEnIKBm5vdF9pbhgHIAMoBkJiwkhfCl0KDmZpeGVkNjQubm90X2luGkt0aGlzIGluIHJ1bGVzLm5vdF9pbiA/ICdtdXN0IG5vdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW3J1bGVzLm5vdF9pbl0pIDogJycSLQoHZXhhbXBsZRgIIAMoBkIcwkgZChcKD2ZpeGVkNjQuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4i5RQKDVNGaXhlZDMyUnVsZXMSgAEKBWNvbnN0GAEgASgPQnHCSG4KbAoOc2ZpeGVkMzIuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKHAQoCbHQYAiABKA9CecJIdgp0CgtzZml4ZWQzMi5sdBplIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPj0gcnVsZXMubHQ/ICdtdXN0IGJlIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5sdF0pIDogJydIABKZAQoDbHRlGAMgASgPQokBwkiFAQqCAQoMc2ZpeGVkMzIubHRlGnIhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+IHJ1bGVzLmx0ZT8gJ211c3QgYmUgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmx0ZV0pIDogJydIABKIBwoCZ3QYBCABKA9C+QbCSPUGCncKC3NmaXhlZDMyLmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwqwAQoOc2ZpeGVkMzIuZ3RfbHQanQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCrgBChhzZml4ZWQzMi5ndF9sdF9leGNsdXNpdmUamwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwrAAQoPc2ZpeGVkMzIuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrIAQoZc2ZpeGVkMzIuZ3RfbHRlX2V4Y2x1c2l2ZRqqAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnSAES1AcKA2d0ZRgFIAEoD0LEB8JIwAcKhQEKDHNmaXhlZDMyLmd0ZRp1IWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPCBydWxlcy5ndGU/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGVdKSA6ICcnCr8BCg9zZml4ZWQzMi5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxwEKGXNmaXhlZDMyLmd0ZV9sdF9leGNsdXNpdmUaqQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3RlICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCs8BChBzZml4ZWQzMi5ndGVfbHRlGroBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnCtcBChpzZml4ZWQzMi5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ8CgJpbhgGIAMoD0JwwkhtCmsKC3NmaXhlZDMyLmluGlwhKHRoaXMgaW4gZ2V0RmllbGQocnVsZXMsICdpbicpKSA/ICdtdXN0IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdpbicpXSkgOiAnJxJzCgZub3RfaW4YByADKA9CY8JIYApeCg9zZml4ZWQzMi5ub3RfaW4aS3RoaXMgaW4gcnVsZXMubm90X2luID8gJ211c3Qgbm90IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbcnVsZXMubm90X2luXSkgOiAnJxIuCgdleGFtcGxlGAggAygPQh3CSBoKGAoQc2ZpeGVkMzIuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4i5RQKDVNGaXhlZDY0UnVsZXMSgAEKBWNvbnN0GAEgASgQQnHCSG4KbAoOc2ZpeGVkNjQuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKHAQoCbHQYAiABKBBCecJIdgp0CgtzZml4ZWQ2NC5sdBplIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPj0gcnVsZXMubHQ/ICdtdXN0IGJlIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5sdF0pIDogJydIABKZAQoDbHRlGAMgASgQQokBwkiFAQqCAQoMc2ZpeGVkNjQubHRlGnIhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+IHJ1bGVzLmx0ZT8gJ211c3QgYmUgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmx0ZV0pIDogJydIABKIBwoCZ3QYBCABKBBC+QbCSPUGCncKC3NmaXhlZDY0Lmd0GmghaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8PSBydWxlcy5ndD8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0XSkgOiAnJwqwAQoOc2ZpeGVkNjQuZ3RfbHQanQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCrgBChhzZml4ZWQ2NC5ndF9sdF9leGNsdXNpdmUamwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3QgJiYgKHJ1bGVzLmx0IDw9IHRoaXMgJiYgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBvciBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwrAAQoPc2ZpeGVkNjQuZ3RfbHRlGqwBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJwrIAQoZc2ZpeGVkNjQuZ3RfbHRlX2V4Y2x1c2l2ZRqqAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnSAES1AcKA2d0ZRgFIAEoEELEB8JIwAcKhQEKDHNmaXhlZDY0Lmd0ZRp1IWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPCBydWxlcy5ndGU/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGVdKSA6ICcnCr8BCg9zZml4ZWQ2NC5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKxwEKGXNmaXhlZDY0Lmd0ZV9sdF9leGNsdXNpdmUaqQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0IDwgcnVsZXMuZ3RlICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCs8BChBzZml4ZWQ2NC5ndGVfbHRlGroBaGFzKHJ1bGVzLmx0ZSkgJiYgcnVsZXMubHRlID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnCtcBChpzZml4ZWQ2NC5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJ8CgJpbhgGIAMoEEJwwkhtCmsKC3NmaXhlZDY0LmluGlwhKHRoaXMgaW4gZ2V0RmllbGQocnVsZXMsICdpbicpKSA/ICdtdXN0IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdpbicpXSkgOiAnJxJzCgZub3RfaW4YByADKBBCY8JIYApeCg9zZml4ZWQ2NC5ub3RfaW4aS3RoaXMgaW4gcnVsZXMubm90X2luID8gJ211c3Qgbm90IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbcnVsZXMubm90X2luXSkgOiAnJxIuCgdleGFtcGxlGAggAygQQh3CSBoKGAoQc2ZpeGVkNjQuZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4iwAEKCUJvb2xSdWxlcxJ8CgVjb25zdBgBIAEoCEJtwkhqCmgKCmJvb2wuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxIqCgdleGFtcGxlGAIgAygIQhnCSBYKFAoMYm9vbC5leGFtcGxlGgR0cnVlKgkI6AcQgICAgAIi6jwKC1N0cmluZ1J1bGVzEoABCgVjb25zdBgBIAEoCUJxwkhuCmwKDHN0cmluZy5jb25zdBpcdGhpcyAhPSBnZXRGaWVsZChydWxlcywgJ2NvbnN0JykgPyAnbXVzdCBlcXVhbCBgJXNgJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnY29uc3QnKV0pIDogJycScQoDbGVuGBMgASgEQmTCSGEKXwoKc3RyaW5nLmxlbhpRdWludCh0aGlzLnNpemUoKSkgIT0gcnVsZXMubGVuID8gJ211c3QgYmUgJXMgY2hhcmFjdGVycycuZm9ybWF0KFtydWxlcy5sZW5dKSA6ICcnEokBCgdtaW5fbGVuGAIgASgEQnjCSHUKcwoOc3RyaW5nLm1pbl9sZW4aYXVpbnQodGhpcy5zaXplKCkpIDwgcnVsZXMubWluX2xlbiA/ICdtdXN0IGJlIGF0IGxlYXN0ICVzIGNoYXJhY3RlcnMnLmZvcm1hdChbcnVsZXMubWluX2xlbl0pIDogJycSiAEKB21heF9sZW4YAyABKARCd8JIdApyCg5zdHJpbmcubWF4X2xlbhpgdWludCh0aGlzLnNpemUoKSkgPiBydWxlcy5tYXhfbGVuID8gJ211c3QgYmUgYXQgbW9zdCAlcyBjaGFyYWN0ZXJzJy5mb3JtYXQoW3J1bGVzLm1heF9sZW5dKSA6ICcnEosBCglsZW5fYnl0ZXMYFCABKARCeMJIdQpzChBzdHJpbmcubGVuX2J5dGVzGl91aW50KGJ5dGVzKHRoaXMpLnNpemUoKSkgIT0gcnVsZXMubGVuX2J5dGVzID8gJ211c3QgYmUgJXMgYnl0ZXMnLmZvcm1hdChbcnVsZXMubGVuX2J5dGVzXSkgOiAnJxKUAQoJbWluX2J5dGVzGAQgASgEQoABwkh9CnsKEHN0cmluZy5taW5fYnl0ZXMaZ3VpbnQoYnl0ZXModGhpcykuc2l6ZSgpKSA8IHJ1bGVzLm1pbl9ieXRlcyA/ICdtdXN0IGJlIGF0IGxlYXN0ICVzIGJ5dGVzJy5mb3JtYXQoW3J1bGVzLm1pbl9ieXRlc10pIDogJycSkgEKCW1heF9ieXRlcxgFIAEoBEJ/wkh8CnoKEHN0cmluZy5tYXhfYnl0ZXMaZnVpbnQoYnl0ZXModGhpcykuc2l6ZSgpKSA+IHJ1bGVzLm1heF9ieXRlcyA/ICdtdXN0IGJlIGF0IG1vc3QgJXMgYnl0ZXMnLmZvcm1hdChbcnVsZXMubWF4X2J5dGVzXSkgOiAnJxKHAQoHcGF0dGVybhgGIAEoCUJ2wkhzCnEKDnN0cmluZy5wYXR0ZXJuGl8hdGhpcy5tYXRjaGVzKHJ1bGVzLnBhdHRlcm4pID8gJ2RvZXMgbm90IG1hdGNoIHJlZ2V4IHBhdHRlcm4gYCVzYCcuZm9ybWF0KFtydWxlcy5wYXR0ZXJuXSkgOiAnJxJ+CgZwcmVmaXgYByABKAlCbsJIawppCg1zdHJpbmcucHJlZml4GlghdGhpcy5zdGFydHNXaXRoKHJ1bGVzLnByZWZpeCkgPyAnZG9lcyBub3QgaGF2ZSBwcmVmaXggYCVzYCcuZm9ybWF0KFtydWxlcy5wcmVmaXhdKSA6ICcnEnwKBnN1ZmZpeBgIIAEoCUJswkhpCmcKDXN0cmluZy5zdWZmaXgaViF0aGlzLmVuZHNXaXRoKHJ1bGVzLnN1ZmZpeCkgPyAnZG9lcyBub3QgaGF2ZSBzdWZmaXggYCVzYCcuZm9ybWF0KFtydWxlcy5zdWZmaXhdKSA6ICcnEooBCghjb250YWlucxgJIAEoCUJ4wkh1CnMKD3N0cmluZy5jb250YWlucxpgIXRoaXMuY29udGFpbnMocnVsZXMuY29udGFpbnMpID8gJ2RvZXMgbm90IGNvbnRhaW4gc3Vic3RyaW5nIGAlc2AnLmZvcm1hdChbcnVsZXMuY29udGFpbnNdKSA6ICcnEpEBCgxub3RfY29udGFpbnMYFyABKAlCe8JIeAp2ChNzdHJpbmcubm90X2NvbnRhaW5zGl90aGlzLmNvbnRhaW5zKHJ1bGVzLm5vdF9jb250YWlucykgPyAnY29udGFpbnMgc3Vic3RyaW5nIGAlc2AnLmZvcm1hdChbcnVsZXMubm90X2NvbnRhaW5zXSkgOiAnJxJ6CgJpbhgKIAMoCUJuwkhrCmkKCXN0cmluZy5pbhpcISh0aGlzIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSkgPyAnbXVzdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnaW4nKV0pIDogJycScQoGbm90X2luGAsgAygJQmHCSF4KXAoNc3RyaW5nLm5vdF9pbhpLdGhpcyBpbiBydWxlcy5ub3RfaW4gPyAnbXVzdCBub3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtydWxlcy5ub3RfaW5dKSA6ICcnEtkBCgVlbWFpbBgMIAEoCELHAcJIwwEKWwoMc3RyaW5nLmVtYWlsEh1tdXN0IGJlIGEgdmFsaWQgZW1haWwgYWRkcmVzcxosIXJ1bGVzLmVtYWlsIHx8IHRoaXMgPT0gJycgfHwgdGhpcy5pc0VtYWlsKCkKZAoSc3RyaW5nLmVtYWlsX2VtcHR5EjJ2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgZW1haWwgYWRkcmVzcxoaIXJ1bGVzLmVtYWlsIHx8IHRoaXMgIT0gJydIABLhAQoIaG9zdG5hbWUYDSABKAhCzAHCSMgBCl8KD3N0cmluZy5ob3N0bmFtZRIYbXVzdCBiZSBhIHZhbGlkIGhvc3RuYW1lGjIhcnVsZXMuaG9zdG5hbWUgfHwgdGhpcyA9PSAnJyB8fCB0aGlzLmlzSG9zdG5hbWUoKQplChVzdHJpbmcuaG9zdG5hbWVfZW1wdHkSLXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBob3N0bmFtZRodIXJ1bGVzLmhvc3RuYW1lIHx8IHRoaXMgIT0gJydIABLBAQoCaXAYDiABKAhCsgHCSK4BCk8KCXN0cmluZy5pcBIabXVzdCBiZSBhIHZhbGlkIElQIGFkZHJlc3MaJiFydWxlcy5pcCB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNJcCgpClsKD3N0cmluZy5pcF9lbXB0eRIvdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQIGFkZHJlc3MaFyFydWxlcy5pcCB8fCB0aGlzICE9ICcnSAAS0AEKBGlwdjQYDyABKAhCvwHCSLsBClYKC3N0cmluZy5pcHY0EhxtdXN0IGJlIGEgdmFsaWQgSVB2NCBhZGRyZXNzGikhcnVsZXMuaXB2NCB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNJcCg0KQphChFzdHJpbmcuaXB2NF9lbXB0eRIxdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQdjQgYWRkcmVzcxoZIXJ1bGVzLmlwdjQgfHwgdGhpcyAhPSAnJ0gAEtABCgRpcHY2GBAgASgIQr8Bwki7AQpWCgtzdHJpbmcuaXB2NhIcbXVzdCBiZSBhIHZhbGlkIElQdjYgYWRkcmVzcxopIXJ1bGVzLmlwdjYgfHwgdGhpcyA9PSAnJyB8fCB0aGlzLmlzSXAoNikKYQoRc3RyaW5nLmlwdjZfZW1wdHkSMXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBJUHY2IGFkZHJlc3MaGSFydWxlcy5pcHY2IHx8IHRoaXMgIT0gJydIABK5AQoDdXJpGBEgASgIQqkBwkilAQpLCgpzdHJpbmcudXJpEhNtdXN0IGJlIGEgdmFsaWQgVVJJGighcnVsZXMudXJpIHx8IHRoaXMgPT0gJycgfHwgdGhpcy5pc1VyaSgpClYKEHN0cmluZy51cmlfZW1wdHkSKHZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBVUkkaGCFydWxlcy51cmkgfHwgdGhpcyAhPSAnJ0gAEmoKB3VyaV9yZWYYEiABKAhCV8JIVApSCg5zdHJpbmcudXJpX3JlZhIdbXVzdCBiZSBhIHZhbGlkIFVSSSBSZWZlcmVuY2UaISFydWxlcy51cmlfcmVmIHx8IHRoaXMuaXNVcmlSZWYoKUgAEokCCgdhZGRyZXNzGBUgASgIQvUBwkjxAQp7Cg5zdHJpbmcuYWRkcmVzcxInbXVzdCBiZSBhIHZhbGlkIGhvc3RuYW1lLCBvciBpcCBhZGRyZXNzGkAhcnVsZXMuYWRkcmVzcyB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNIb3N0bmFtZSgpIHx8IHRoaXMuaXNJcCgpCnIKFHN0cmluZy5hZGRyZXNzX2VtcHR5Ejx2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgaG9zdG5hbWUsIG9yIGlwIGFkZHJlc3MaHCFydWxlcy5hZGRyZXNzIHx8IHRoaXMgIT0gJydIABKSAgoEdXVpZBgWIAEoCEKBAsJI/QEKnwEKC3N0cmluZy51dWlkEhRtdXN0IGJlIGEgdmFsaWQgVVVJRBp6IXJ1bGVzLnV1aWQgfHwgdGhpcyA9PSAnJyB8fCB0aGlzLm1hdGNoZXMoJ15bMC05YS1mQS1GXXs4fS1bMC05YS1mQS1GXXs0fS1bMC05YS1mQS1GXXs0fS1bMC05YS1mQS1GXXs0fS1bMC05YS1mQS1GXXsxMn0kJykKWQoRc3RyaW5nLnV1aWRfZW1wdHkSKXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBVVUlEGhkhcnVsZXMudXVpZCB8fCB0aGlzICE9ICcnSAAS6gEKBXR1dWlkGCEgASgIQtgBwkjUAQptCgxzdHJpbmcudHV1aWQSHG11c3QgYmUgYSB2YWxpZCB0cmltbWVkIFVVSUQaPyFydWxlcy50dXVpZCB8fCB0aGlzID09ICcnIHx8IHRoaXMubWF0Y2hlcygnXlswLTlhLWZBLUZdezMyfSQnKQpjChJzdHJpbmcudHV1aWRfZW1wdHkSMXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCB0cmltbWVkIFVVSUQaGiFydWxlcy50dXVpZCB8fCB0aGlzICE9ICcnSAASkAIKEWlwX3dpdGhfcHJlZml4bGVuGBogASgIQvIBwkjuAQpyChhzdHJpbmcuaXBfd2l0aF9wcmVmaXhsZW4SGW11c3QgYmUgYSB2YWxpZCBJUCBwcmVmaXgaOyFydWxlcy5pcF93aXRoX3ByZWZpeGxlbiB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNJcFByZWZpeCgpCngKHnN0cmluZy5pcF93aXRoX3ByZWZpeGxlbl9lbXB0eRIudmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQIHByZWZpeBomIXJ1bGVzLmlwX3dpdGhfcHJlZml4bGVuIHx8IHRoaXMgIT0gJydIABLJAgoTaXB2NF93aXRoX3ByZWZpeGxlbhgbIAEoCEKpAsJIpQIKjQEKGnN0cmluZy5pcHY0X3dpdGhfcHJlZml4bGVuEi9tdXN0IGJlIGEgdmFsaWQgSVB2NCBhZGRyZXNzIHdpdGggcHJlZml4IGxlbmd0aBo+IXJ1bGVzLmlwdjRfd2l0aF9wcmVmaXhsZW4gfHwgdGhpcyA9PSAnJyB8fCB0aGlzLmlzSXBQcmVmaXgoNCkKkgEKIHN0cmluZy5pcHY0X3dpdGhfcHJlZml4bGVuX2VtcHR5EkR2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgSVB2NCBhZGRyZXNzIHdpdGggcHJlZml4IGxlbmd0aBooIXJ1bGVzLmlwdjRfd2l0aF9wcmVmaXhsZW4gfHwgdGhpcyAhPSAnJ0gAEskCChNpcHY2X3dpdGhfcHJlZml4bGVuGBwgASgIQqkCwkilAgqNAQoac3RyaW5nLmlwdjZfd2l0aF9wcmVmaXhsZW4SL211c3QgYmUgYSB2YWxpZCBJUHY2IGFkZHJlc3Mgd2l0aCBwcmVmaXggbGVuZ3RoGj4hcnVsZXMuaXB2Nl93aXRoX3ByZWZpeGxlbiB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNJcFByZWZpeCg2KQqSAQogc3RyaW5nLmlwdjZfd2l0aF9wcmVmaXhsZW5fZW1wdHkSRHZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBJUHY2IGFkZHJlc3Mgd2l0aCBwcmVmaXggbGVuZ3RoGighcnVsZXMuaXB2Nl93aXRoX3ByZWZpeGxlbiB8fCB0aGlzICE9ICcnSAAS7AEKCWlwX3ByZWZpeBgdIAEoCELWAcJI0gEKZgoQc3RyaW5nLmlwX3ByZWZpeBIZbXVzdCBiZSBhIHZhbGlkIElQIHByZWZpeBo3IXJ1bGVzLmlwX3ByZWZpeCB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNJcFByZWZpeCh0cnVlKQpoChZzdHJpbmcuaXBfcHJlZml4X2VtcHR5Ei52YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgSVAgcHJlZml4Gh4hcnVsZXMuaXBfcHJlZml4IHx8IHRoaXMgIT0gJydIABL9AQoLaXB2NF9wcmVmaXgYHiABKAhC5QHCSOEBCm8KEnN0cmluZy5pcHY0X3ByZWZpeBIbbXVzdCBiZSBhIHZhbGlkIElQdjQgcHJlZml4GjwhcnVsZXMuaXB2NF9wcmVmaXggfHwgdGhpcyA9PSAnJyB8fCB0aGlzLmlzSXBQcmVmaXgoNCwgdHJ1ZSkKbgoYc3RyaW5nLmlwdjRfcHJlZml4X2VtcHR5EjB2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgSVB2NCBwcmVmaXgaICFydWxlcy5pcHY0X3ByZWZpeCB8fCB0aGlzICE9ICcnSAAS/QEKC2lwdjZfcHJlZml4GB8gASgIQuUBwkjhAQpvChJzdHJpbmcuaXB2Nl9wcmVmaXgSG211c3QgYmUgYSB2YWxpZCBJUHY2IHByZWZpeBo8IXJ1bGVzLmlwdjZfcHJlZml4IHx8IHRoaXMgPT0gJycgfHwgdGhpcy5pc0lwUHJlZml4KDYsIHRydWUpCm4KGHN0cmluZy5pcHY2X3ByZWZpeF9lbXB0eRIwdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQdjYgcHJlZml4GiAhcnVsZXMuaXB2Nl9wcmVmaXggfHwgdGhpcyAhPSAnJ0gAEq8CCg1ob3N0X2FuZF9wb3J0GCAgASgIQpUCwkiRAgqTAQoUc3RyaW5nLmhvc3RfYW5kX3BvcnQSO211c3QgYmUgYSB2YWxpZCBob3N0IChob3N0bmFtZSBvciBJUCBhZGRyZXNzKSBhbmQgcG9ydCBwYWlyGj4hcnVsZXMuaG9zdF9hbmRfcG9ydCB8fCB0aGlzID09ICcnIHx8IHRoaXMuaXNIb3N0QW5kUG9ydCh0cnVlKQp5ChpzdHJpbmcuaG9zdF9hbmRfcG9ydF9lbXB0eRI3dmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIGhvc3QgYW5kIHBvcnQgcGFpchoiIXJ1bGVzLmhvc3RfYW5kX3BvcnQgfHwgdGhpcyAhPSAnJ0gAEu4BCgR1bGlkGCMgASgIQt0BwkjZAQp8CgtzdHJpbmcudWxpZBIUbXVzdCBiZSBhIHZhbGlkIFVMSUQaVyFydWxlcy51bGlkIHx8IHRoaXMgPT0gJycgfHwgdGhpcy5tYXRjaGVzKCdeWzAtN11bMC05QS1ISktNTlAtVFYtWmEtaGprbW5wLXR2LXpdezI1fSQnKQpZChFzdHJpbmcudWxpZF9lbXB0eRIpdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIFVMSUQaGSFydWxlcy51bGlkIHx8IHRoaXMgIT0gJydIABLUAgoMcHJvdG9idWZfZnFuGCUgASgIQrsCwki3AgqvAQoTc3RyaW5nLnByb3RvYnVmX2ZxbhItbXVzdCBiZSBhIHZhbGlkIGZ1bGx5LXF1YWxpZmllZCBQcm90b2J1ZiBuYW1lGmkhcnVsZXMucHJvdG9idWZfZnFuIHx8IHRoaXMgPT0gJycgfHwgdGhpcy5tYXRjaGVzKCdeW0EtWmEtel9dW0EtWmEtel8wLTldKihcXC5bQS1aYS16X11bQS1aYS16XzAtOV0qKSokJykKggEKGXN0cmluZy5wcm90b2J1Zl9mcW5fZW1wdHkSQnZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBmdWxseS1xdWFsaWZpZWQgUHJvdG9idWYgbmFtZRohIXJ1bGVzLnByb3RvYnVmX2ZxbiB8fCB0aGlzICE9ICcnSAASkQMKEHByb3RvYnVmX2RvdF9mcW4YJiABKAhC9ALCSPACCs0BChdzdHJpbmcucHJvdG9idWZfZG90X2ZxbhJAbXVzdCBiZSBhIHZhbGlkIGZ1bGx5LXF1YWxpZmllZCBQcm90b2J1ZiBuYW1lIHdpdGggYSBsZWFkaW5nIGRvdBpwIXJ1bGVzLnByb3RvYnVmX2RvdF9mcW4gfHwgdGhpcyA9PSAnJyB8fCB0aGlzLm1hdGNoZXMoJ15cXC5bQS1aYS16X11bQS1aYS16XzAtOV0qKFxcLltBLVphLXpfXVtBLVphLXpfMC05XSopKiQnKQqdAQodc3RyaW5nLnByb3RvYnVmX2RvdF9mcW5fZW1wdHkSVXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBmdWxseS1xdWFsaWZpZWQgUHJvdG9idWYgbmFtZSB3aXRoIGEgbGVhZGluZyBkb3QaJSFydWxlcy5wcm90b2J1Zl9kb3RfZnFuIHx8IHRoaXMgIT0gJydIABKcBQoQd2VsbF9rbm93bl9yZWdleBgYIAEoDjIYLmJ1Zi52YWxpZGF0ZS5Lbm93blJlZ2V4QuUEwkjhBArqAQojc3RyaW5nLndlbGxfa25vd25fcmVnZXguaGVhZGVyX25hbWUSIG11c3QgYmUgYSB2YWxpZCBIVFRQIGhlYWRlciBuYW1lGqABcnVsZXMud2VsbF9rbm93bl9yZWdleCAhPSAxIHx8IHRoaXMgPT0gJycgfHwgdGhpcy5tYXRjaGVzKCFoYXMocnVsZXMuc3RyaWN0KSB8fCBydWxlcy5zdHJpY3QgPydeOj9bMC05YS16QS1aISMkJSZcJyorLS5eX3x+XHg2MF0rJCcgOideW15cdTAwMDBcdTAwMEFcdTAwMERdKyQnKQqNAQopc3RyaW5nLndlbGxfa25vd25fcmVnZXguaGVhZGVyX25hbWVfZW1wdHkSNXZhbHVlIGlzIGVtcHR5LCB3aGljaCBpcyBub3QgYSB2YWxpZCBIVFRQIGhlYWRlciBuYW1lGilydWxlcy53ZWxsX2tub3duX3JlZ2V4ICE9IDEgfHwgdGhpcyAhPSAnJwrhAQokc3RyaW5nLndlbGxfa25vd25fcmVnZXguaGVhZGVyX3ZhbHVlEiFtdXN0IGJlIGEgdmFsaWQgSFRUUCBoZWFkZXIgdmFsdWUalQFydWxlcy53ZWxsX2tub3duX3JlZ2V4ICE9IDIgfHwgdGhpcy5tYXRjaGVzKCFoYXMocnVsZXMuc3RyaWN0KSB8fCBydWxlcy5zdHJpY3QgPydeW15cdTAwMDAtXHUwMDA4XHUwMDBBLVx1MDAxRlx1MDA3Rl0qJCcgOideW15cdTAwMDBcdTAwMEFcdTAwMERdKiQnKUgAEg4KBnN0cmljdBgZIAEoCBIsCgdleGFtcGxlGCIgAygJQhvCSBgKFgoOc3RyaW5nLmV4YW1wbGUaBHRydWUqCQjoBxCAgICAAkIMCgp3ZWxsX2tub3duIt0RCgpCeXRlc1J1bGVzEnoKBWNvbnN0GAEgASgMQmvCSGgKZgoLYnl0ZXMuY29uc3QaV3RoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgYmUgJXgnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxJrCgNsZW4YDSABKARCXsJIWwpZCglieXRlcy5sZW4aTHVpbnQodGhpcy5zaXplKCkpICE9IHJ1bGVzLmxlbiA/ICdtdXN0IGJlICVzIGJ5dGVzJy5mb3JtYXQoW3J1bGVzLmxlbl0pIDogJycSgwEKB21pbl9sZW4YAiABKARCcsJIbwptCg1ieXRlcy5taW5fbGVuGlx1aW50KHRoaXMuc2l6ZSgpKSA8IHJ1bGVzLm1pbl9sZW4gPyAnbXVzdCBiZSBhdCBsZWFzdCAlcyBieXRlcycuZm9ybWF0KFtydWxlcy5taW5fbGVuXSkgOiAnJxKCAQoHbWF4X2xlbhgDIAEoBEJxwkhuCmwKDWJ5dGVzLm1heF9sZW4aW3VpbnQodGhpcy5zaXplKCkpID4gcnVsZXMubWF4X2xlbiA/ICdtdXN0IGJlIGF0IG1vc3QgJXMgYnl0ZXMnLmZvcm1hdChbcnVsZXMubWF4X2xlbl0pIDogJycSigEKB3BhdHRlcm4YBCABKAlCecJIdgp0Cg1ieXRlcy5wYXR0ZXJuGmMhc3RyaW5nKHRoaXMpLm1hdGNoZXMocnVsZXMucGF0dGVybikgPyAnbXVzdCBtYXRjaCByZWdleCBwYXR0ZXJuIGAlc2AnLmZvcm1hdChbcnVsZXMucGF0dGVybl0pIDogJycSewoGcHJlZml4GAUgASgMQmvCSGgKZgoMYnl0ZXMucHJlZml4GlYhdGhpcy5zdGFydHNXaXRoKHJ1bGVzLnByZWZpeCkgPyAnZG9lcyBub3QgaGF2ZSBwcmVmaXggJXgnLmZvcm1hdChbcnVsZXMucHJlZml4XSkgOiAnJxJ5CgZzdWZmaXgYBiABKAxCacJIZgpkCgxieXRlcy5zdWZmaXgaVCF0aGlzLmVuZHNXaXRoKHJ1bGVzLnN1ZmZpeCkgPyAnZG9lcyBub3QgaGF2ZSBzdWZmaXggJXgnLmZvcm1hdChbcnVsZXMuc3VmZml4XSkgOiAnJxJ9Cghjb250YWlucxgHIAEoDEJrwkhoCmYKDmJ5dGVzLmNvbnRhaW5zGlQhdGhpcy5jb250YWlucyhydWxlcy5jb250YWlucykgPyAnZG9lcyBub3QgY29udGFpbiAleCcuZm9ybWF0KFtydWxlcy5jb250YWluc10pIDogJycSoQEKAmluGAggAygMQpQBwkiQAQqNAQoIYnl0ZXMuaW4agAFnZXRGaWVsZChydWxlcywgJ2luJykuc2l6ZSgpID4gMCAmJiAhKHRoaXMgaW4gZ2V0RmllbGQocnVsZXMsICdpbicpKSA/ICdtdXN0IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdpbicpXSkgOiAnJxJwCgZub3RfaW4YCSADKAxCYMJIXQpbCgxieXRlcy5ub3RfaW4aS3RoaXMgaW4gcnVsZXMubm90X2luID8gJ211c3Qgbm90IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbcnVsZXMubm90X2luXSkgOiAnJxLlAQoCaXAYCiABKAhC1gHCSNIBCm4KCGJ5dGVzLmlwEhptdXN0IGJlIGEgdmFsaWQgSVAgYWRkcmVzcxpGIXJ1bGVzLmlwIHx8IHRoaXMuc2l6ZSgpID09IDAgfHwgdGhpcy5zaXplKCkgPT0gNCB8fCB0aGlzLnNpemUoKSA9PSAxNgpgCg5ieXRlcy5pcF9lbXB0eRIvdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQIGFkZHJlc3MaHSFydWxlcy5pcCB8fCB0aGlzLnNpemUoKSAhPSAwSAAS3gEKBGlwdjQYCyABKAhCzQHCSMkBCl8KCmJ5dGVzLmlwdjQSHG11c3QgYmUgYSB2YWxpZCBJUHY0IGFkZHJlc3MaMyFydWxlcy5pcHY0IHx8IHRoaXMuc2l6ZSgpID09IDAgfHwgdGhpcy5zaXplKCkgPT0gNApmChBieXRlcy5pcHY0X2VtcHR5EjF2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgSVB2NCBhZGRyZXNzGh8hcnVsZXMuaXB2NCB8fCB0aGlzLnNpemUoKSAhPSAwSAAS3wEKBGlwdjYYDCABKAhCzgHCSMoBCmAKCmJ5dGVzLmlwdjYSHG11c3QgYmUgYSB2YWxpZCBJUHY2IGFkZHJlc3MaNCFydWxlcy5pcHY2IHx8IHRoaXMuc2l6ZSgpID09IDAgfHwgdGhpcy5zaXplKCkgPT0gMTYKZgoQYnl0ZXMuaXB2Nl9lbXB0eRIxdmFsdWUgaXMgZW1wdHksIHdoaWNoIGlzIG5vdCBhIHZhbGlkIElQdjYgYWRkcmVzcxofIXJ1bGVzLmlwdjYgfHwgdGhpcy5zaXplKCkgIT0gMEgAEs8BCgR1dWlkGA8gASgIQr4Bwki6AQpYCgpieXRlcy51dWlkEhRtdXN0IGJlIGEgdmFsaWQgVVVJRBo0IXJ1bGVzLnV1aWQgfHwgdGhpcy5zaXplKCkgPT0gMCB8fCB0aGlzLnNpemUoKSA9PSAxNgpeChBieXRlcy51dWlkX2VtcHR5Eil2YWx1ZSBpcyBlbXB0eSwgd2hpY2ggaXMgbm90IGEgdmFsaWQgVVVJRBofIXJ1bGVzLnV1aWQgfHwgdGhpcy5zaXplKCkgIT0gMEgAEisKB2V4YW1wbGUYDiADKAxCGsJIFwoVCg1ieXRlcy5leGFtcGxlGgR0cnVlKgkI6AcQgICAgAJCDAoKd2VsbF9rbm93biLBAwoJRW51bVJ1bGVzEnwKBWNvbnN0GAEgASgFQm3CSGoKaAoKZW51bS5jb25zdBpadGhpcyAhPSBnZXRGaWVsZChydWxlcywgJ2NvbnN0JykgPyAnbXVzdCBlcXVhbCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2NvbnN0JyldKSA6ICcnEhQKDGRlZmluZWRfb25seRgCIAEoCBJ4CgJpbhgDIAMoBUJswkhpCmcKB2VudW0uaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEm8KBm5vdF9pbhgEIAMoBUJfwkhcCloKC2VudW0ubm90X2luGkt0aGlzIGluIHJ1bGVzLm5vdF9pbiA/ICdtdXN0IG5vdCBiZSBpbiBsaXN0ICVzJy5mb3JtYXQoW3J1bGVzLm5vdF9pbl0pIDogJycSKgoHZXhhbXBsZRgFIAMoBUIZwkgWChQKDGVudW0uZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACIu0DCg1SZXBlYXRlZFJ1bGVzEpYBCgltaW5faXRlbXMYASABKARCggHCSH8KfQoScmVwZWF0ZWQubWluX2l0ZW1zGmd1aW50KHRoaXMuc2l6ZSgpKSA8IHJ1bGVzLm1pbl9pdGVtcyA/ICdtdXN0IGNvbnRhaW4gYXQgbGVhc3QgJWQgaXRlbShzKScuZm9ybWF0KFtydWxlcy5taW5faXRlbXNdKSA6ICcnEpwBCgltYXhfaXRlbXMYAiABKARCiAHCSIQBCoEBChJyZXBlYXRlZC5tYXhfaXRlbXMaa3VpbnQodGhpcy5zaXplKCkpID4gcnVsZXMubWF4X2l0ZW1zID8gJ211c3QgY29udGFpbiBubyBtb3JlIHRoYW4gJXMgaXRlbShzKScuZm9ybWF0KFtydWxlcy5tYXhfaXRlbXNdKSA6ICcnEnAKBnVuaXF1ZRgDIAEoCEJgwkhdClsKD3JlcGVhdGVkLnVuaXF1ZRIocmVwZWF0ZWQgdmFsdWUgbXVzdCBjb250YWluIHVuaXF1ZSBpdGVtcxoeIXJ1bGVzLnVuaXF1ZSB8fCB0aGlzLnVuaXF1ZSgpEicKBWl0ZW1zGAQgASgLMhguYnVmLnZhbGlkYXRlLkZpZWxkUnVsZXMqCQjoBxCAgICAAiKKAwoITWFwUnVsZXMSjwEKCW1pbl9wYWlycxgBIAEoBEJ8wkh5CncKDW1hcC5taW5fcGFpcnMaZnVpbnQodGhpcy5zaXplKCkpIDwgcnVsZXMubWluX3BhaXJzID8gJ21hcCBtdXN0IGJlIGF0IGxlYXN0ICVkIGVudHJpZXMnLmZvcm1hdChbcnVsZXMubWluX3BhaXJzXSkgOiAnJxKOAQoJbWF4X3BhaXJzGAIgASgEQnvCSHgKdgoNbWFwLm1heF9wYWlycxpldWludCh0aGlzLnNpemUoKSkgPiBydWxlcy5tYXhfcGFpcnMgPyAnbWFwIG11c3QgYmUgYXQgbW9zdCAlZCBlbnRyaWVzJy5mb3JtYXQoW3J1bGVzLm1heF9wYWlyc10pIDogJycSJgoEa2V5cxgEIAEoCzIYLmJ1Zi52YWxpZGF0ZS5GaWVsZFJ1bGVzEigKBnZhbHVlcxgFIAEoCzIYLmJ1Zi52YWxpZGF0ZS5GaWVsZFJ1bGVzKgkI6AcQgICAgAIiJgoIQW55UnVsZXMSCgoCaW4YAiADKAkSDgoGbm90X2luGAMgAygJIr8WCg1EdXJhdGlvblJ1bGVzEpsBCgVjb25zdBgCIAEoCzIZLmdvb2dsZS5wcm90b2J1Zi5EdXJhdGlvbkJxwkhuCmwKDmR1cmF0aW9uLmNvbnN0Glp0aGlzICE9IGdldEZpZWxkKHJ1bGVzLCAnY29uc3QnKSA/ICdtdXN0IGVxdWFsICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnY29uc3QnKV0pIDogJycSogEKAmx0GAMgASgLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uQnnCSHYKdAoLZHVyYXRpb24ubHQaZSFoYXMocnVsZXMuZ3RlKSAmJiAhaGFzKHJ1bGVzLmd0KSAmJiB0aGlzID49IHJ1bGVzLmx0PyAnbXVzdCBiZSBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMubHRdKSA6ICcnSAAStAEKA2x0ZRgEIAEoCzIZLmdvb2dsZS5wcm90b2J1Zi5EdXJhdGlvbkKJAcJIhQEKggEKDGR1cmF0aW9uLmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAASowcKAmd0GAUgASgLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uQvkGwkj1Bgp3CgtkdXJhdGlvbi5ndBpoIWhhcyhydWxlcy5sdCkgJiYgIWhhcyhydWxlcy5sdGUpICYmIHRoaXMgPD0gcnVsZXMuZ3Q/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndF0pIDogJycKsAEKDmR1cmF0aW9uLmd0X2x0Gp0BaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndCAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0XSkgOiAnJwq4AQoYZHVyYXRpb24uZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKwAEKD2R1cmF0aW9uLmd0X2x0ZRqsAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndCAmJiAodGhpcyA+IHJ1bGVzLmx0ZSB8fCB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIGFuZCBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3QsIHJ1bGVzLmx0ZV0pIDogJycKyAEKGWR1cmF0aW9uLmd0X2x0ZV9leGNsdXNpdmUaqgFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndCAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDw9IHJ1bGVzLmd0KT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRlXSkgOiAnJ0gBEu8HCgNndGUYBiABKAsyGS5nb29nbGUucHJvdG9idWYuRHVyYXRpb25CxAfCSMAHCoUBCgxkdXJhdGlvbi5ndGUadSFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDwgcnVsZXMuZ3RlPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlXSkgOiAnJwq/AQoPZHVyYXRpb24uZ3RlX2x0GqsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPj0gcnVsZXMubHQgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRdKSA6ICcnCscBChlkdXJhdGlvbi5ndGVfbHRfZXhjbHVzaXZlGqkBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrPAQoQZHVyYXRpb24uZ3RlX2x0ZRq6AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA+PSBydWxlcy5ndGUgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZSwgcnVsZXMubHRlXSkgOiAnJwrXAQoaZHVyYXRpb24uZ3RlX2x0ZV9leGNsdXNpdmUauAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPCBydWxlcy5ndGUgJiYgKHJ1bGVzLmx0ZSA8IHRoaXMgJiYgdGhpcyA8IHJ1bGVzLmd0ZSk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiBvciBlcXVhbCB0byAlcyBvciBsZXNzIHRoYW4gb3IgZXF1YWwgdG8gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdGVdKSA6ICcnSAESlwEKAmluGAcgAygLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uQnDCSG0KawoLZHVyYXRpb24uaW4aXCEodGhpcyBpbiBnZXRGaWVsZChydWxlcywgJ2luJykpID8gJ211c3QgYmUgaW4gbGlzdCAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEo4BCgZub3RfaW4YCCADKAsyGS5nb29nbGUucHJvdG9idWYuRHVyYXRpb25CY8JIYApeCg9kdXJhdGlvbi5ub3RfaW4aS3RoaXMgaW4gcnVsZXMubm90X2luID8gJ211c3Qgbm90IGJlIGluIGxpc3QgJXMnLmZvcm1hdChbcnVsZXMubm90X2luXSkgOiAnJxJJCgdleGFtcGxlGAkgAygLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uQh3CSBoKGAoQZHVyYXRpb24uZXhhbXBsZRoEdHJ1ZSoJCOgHEICAgIACQgsKCWxlc3NfdGhhbkIOCgxncmVhdGVyX3RoYW4i6wUKDkZpZWxkTWFza1J1bGVzErkBCgVjb25zdBgBIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5GaWVsZE1hc2tCjQHCSIkBCoYBChBmaWVsZF9tYXNrLmNvbnN0GnJ0aGlzLnBhdGhzICE9IGdldEZpZWxkKHJ1bGVzLCAnY29uc3QnKS5wYXRocyA/ICdtdXN0IGVxdWFsIHBhdGhzICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnY29uc3QnKS5wYXRoc10pIDogJycS0wEKAmluGAIgAygJQsYBwkjCAQq/AQoNZmllbGRfbWFzay5pbhqtASF0aGlzLnBhdGhzLmFsbChwLCBwIGluIGdldEZpZWxkKHJ1bGVzLCAnaW4nKSB8fCBnZXRGaWVsZChydWxlcywgJ2luJykuZXhpc3RzKGYsIHAuc3RhcnRzV2l0aChmKycuJykpKSA/ICdtdXN0IG9ubHkgY29udGFpbiBwYXRocyBpbiAlcycuZm9ybWF0KFtnZXRGaWVsZChydWxlcywgJ2luJyldKSA6ICcnEu0BCgZub3RfaW4YAyADKAlC3AHCSNgBCtUBChFmaWVsZF9tYXNrLm5vdF9pbhq/ASF0aGlzLnBhdGhzLmFsbChwLCAhKHAgaW4gZ2V0RmllbGQocnVsZXMsICdub3RfaW4nKSB8fCBnZXRGaWVsZChydWxlcywgJ25vdF9pbicpLmV4aXN0cyhmLCBwLnN0YXJ0c1dpdGgoZisnLicpKSkpID8gJ211c3Qgbm90IGNvbnRhaW4gYW55IHBhdGhzIGluICVzJy5mb3JtYXQoW2dldEZpZWxkKHJ1bGVzLCAnbm90X2luJyldKSA6ICcnEkwKB2V4YW1wbGUYBCADKAsyGi5nb29nbGUucHJvdG9idWYuRmllbGRNYXNrQh/CSBwKGgoSZmllbGRfbWFzay5leGFtcGxlGgR0cnVlKgkI6AcQgICAgAIisBcKDlRpbWVzdGFtcFJ1bGVzEp0BCgVjb25zdBgCIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBCcsJIbwptCg90aW1lc3RhbXAuY29uc3QaWnRoaXMgIT0gZ2V0RmllbGQocnVsZXMsICdjb25zdCcpID8gJ211c3QgZXF1YWwgJXMnLmZvcm1hdChbZ2V0RmllbGQocnVsZXMsICdjb25zdCcpXSkgOiAnJxKkAQoCbHQYAyABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wQnrCSHcKdQoMdGltZXN0YW1wLmx0GmUhaGFzKHJ1bGVzLmd0ZSkgJiYgIWhhcyhydWxlcy5ndCkgJiYgdGhpcyA+PSBydWxlcy5sdD8gJ211c3QgYmUgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmx0XSkgOiAnJ0gAErYBCgNsdGUYBCABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wQooBwkiGAQqDAQoNdGltZXN0YW1wLmx0ZRpyIWhhcyhydWxlcy5ndGUpICYmICFoYXMocnVsZXMuZ3QpICYmIHRoaXMgPiBydWxlcy5sdGU/ICdtdXN0IGJlIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5sdGVdKSA6ICcnSAASZgoGbHRfbm93GAcgASgIQlTCSFEKTwoQdGltZXN0YW1wLmx0X25vdxo7KHJ1bGVzLmx0X25vdyAmJiB0aGlzID4gbm93KSA/ICdtdXN0IGJlIGxlc3MgdGhhbiBub3cnIDogJydIABKpBwoCZ3QYBSABKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wQv4Gwkj6Bgp4Cgx0aW1lc3RhbXAuZ3QaaCFoYXMocnVsZXMubHQpICYmICFoYXMocnVsZXMubHRlKSAmJiB0aGlzIDw9IHJ1bGVzLmd0PyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RdKSA6ICcnCrEBCg90aW1lc3RhbXAuZ3RfbHQanQFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ICYmICh0aGlzID49IHJ1bGVzLmx0IHx8IHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgYW5kIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndCwgcnVsZXMubHRdKSA6ICcnCrkBChl0aW1lc3RhbXAuZ3RfbHRfZXhjbHVzaXZlGpsBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdCA8PSB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdF0pIDogJycKwQEKEHRpbWVzdGFtcC5ndF9sdGUarAFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3QgJiYgKHRoaXMgPiBydWxlcy5sdGUgfHwgdGhpcyA8PSBydWxlcy5ndCk/ICdtdXN0IGJlIGdyZWF0ZXIgdGhhbiAlcyBhbmQgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnCskBChp0aW1lc3RhbXAuZ3RfbHRlX2V4Y2x1c2l2ZRqqAWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ICYmIChydWxlcy5sdGUgPCB0aGlzICYmIHRoaXMgPD0gcnVsZXMuZ3QpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gJXMgb3IgbGVzcyB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0LCBydWxlcy5sdGVdKSA6ICcnSAES9QcKA2d0ZRgGIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBCyQfCSMUHCoYBCg10aW1lc3RhbXAuZ3RlGnUhaGFzKHJ1bGVzLmx0KSAmJiAhaGFzKHJ1bGVzLmx0ZSkgJiYgdGhpcyA8IHJ1bGVzLmd0ZT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzJy5mb3JtYXQoW3J1bGVzLmd0ZV0pIDogJycKwAEKEHRpbWVzdGFtcC5ndGVfbHQaqwFoYXMocnVsZXMubHQpICYmIHJ1bGVzLmx0ID49IHJ1bGVzLmd0ZSAmJiAodGhpcyA+PSBydWxlcy5sdCB8fCB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIGFuZCBsZXNzIHRoYW4gJXMnLmZvcm1hdChbcnVsZXMuZ3RlLCBydWxlcy5sdF0pIDogJycKyAEKGnRpbWVzdGFtcC5ndGVfbHRfZXhjbHVzaXZlGqkBaGFzKHJ1bGVzLmx0KSAmJiBydWxlcy5sdCA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHQgPD0gdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0XSkgOiAnJwrQAQoRdGltZXN0YW1wLmd0ZV9sdGUaugFoYXMocnVsZXMubHRlKSAmJiBydWxlcy5sdGUgPj0gcnVsZXMuZ3RlICYmICh0aGlzID4gcnVsZXMubHRlIHx8IHRoaXMgPCBydWxlcy5ndGUpPyAnbXVzdCBiZSBncmVhdGVyIHRoYW4gb3IgZXF1YWwgdG8gJXMgYW5kIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJycK2AEKG3RpbWVzdGFtcC5ndGVfbHRlX2V4Y2x1c2l2ZRq4AWhhcyhydWxlcy5sdGUpICYmIHJ1bGVzLmx0ZSA8IHJ1bGVzLmd0ZSAmJiAocnVsZXMubHRlIDwgdGhpcyAmJiB0aGlzIDwgcnVsZXMuZ3RlKT8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG9yIGVxdWFsIHRvICVzIG9yIGxlc3MgdGhhbiBvciBlcXVhbCB0byAlcycuZm9ybWF0KFtydWxlcy5ndGUsIHJ1bGVzLmx0ZV0pIDogJydIARJpCgZndF9ub3cYCCABKAhCV8JIVApSChB0aW1lc3RhbXAuZ3Rfbm93Gj4ocnVsZXMuZ3Rfbm93ICYmIHRoaXMgPCBub3cpID8gJ211c3QgYmUgZ3JlYXRlciB0aGFuIG5vdycgOiAnJ0gBErEBCgZ3aXRoaW4YCSABKAsyGS5nb29nbGUucHJvdG9idWYuRHVyYXRpb25ChQHCSIEBCn8KEHRpbWVzdGFtcC53aXRoaW4aa3RoaXMgPCBub3ctcnVsZXMud2l0aGluIHx8IHRoaXMgPiBub3crcnVsZXMud2l0aGluID8gJ211c3QgYmUgd2l0aGluICVzIG9mIG5vdycuZm9ybWF0KFtydWxlcy53aXRoaW5dKSA6ICcnEksKB2V4YW1wbGUYCiADKAsyGi5nb29nbGUucHJvdG9idWYuVGltZXN0YW1wQh7CSBsKGQoRdGltZXN0YW1wLmV4YW1wbGUaBHRydWUqCQjoBxCAgICAAkILCglsZXNzX3RoYW5CDgoMZ3JlYXRlcl90aGFuIjkKClZpb2xhdGlvbnMSKwoKdmlvbGF0aW9ucxgBIAMoCzIXLmJ1Zi52YWxpZGF0ZS5WaW9sYXRpb24inwEKCVZpb2xhdGlvbhImCgVmaWVsZBgFIAEoCzIXLmJ1Zi52YWxpZGF0ZS5GaWVsZFBhdGgSJQoEcnVsZRgGIAEoCzIXLmJ1Zi52YWxpZGF0ZS5GaWVsZFBhdGgSDwoHcnVsZV9pZBgCIAEoCRIPCgdtZXNzYWdlGAMgASgJEg8KB2Zvcl9rZXkYBCABKAhKBAgBEAJSCmZpZWxkX3BhdGgiPQoJRmllbGRQYXRoEjAKCGVsZW1lbnRzGAEgAygLMh4uYnVmLnZhbGlkYXRlLkZpZWxkUGF0aEVsZW1lbnQi6QIKEEZpZWxkUGF0aEVsZW1lbnQSFAoMZmllbGRfbnVtYmVyGAEgASgFEhIKCmZpZWxkX25hbWUYAiABKAkSPgoKZmllbGRfdHlwZRgDIAEoDjIqLmdvb2dsZS5wcm90b2J1Zi5GaWVsZERlc2NyaXB0b3JQcm90by5UeXBlEjwKCGtleV90eXBlGAQgASgOMiouZ29vZ2xlLnByb3RvYnVmLkZpZWxkRGVzY3JpcHRvclByb3RvLlR5cGUSPgoKdmFsdWVfdHlwZRgFIAEoDjIqLmdvb2dsZS5wcm90b2J1Zi5GaWVsZERlc2NyaXB0b3JQcm90by5UeXBlEg8KBWluZGV4GAYgASgESAASEgoIYm9vbF9rZXkYByABKAhIABIRCgdpbnRfa2V5GAggASgDSAASEgoIdWludF9rZXkYCSABKARIABIUCgpzdHJpbmdfa2V5GAogASgJSABCCwoJc3Vic2NyaXB0KqEBCgZJZ25vcmUSFgoSSUdOT1JFX1VOU1BFQ0lGSUVEEAASGAoUSUdOT1JFX0lGX1pFUk9fVkFMVUUQARIRCg1JR05PUkVfQUxXQVlTEAMiBAgCEAIqDElHTk9SRV9FTVBUWSoOSUdOT1JFX0RFRkFVTFQqF0lHTk9SRV9JRl9ERUZBVUxUX1ZBTFVFKhVJR05PUkVfSUZfVU5QT1BVTEFURUQqbgoKS25vd25SZWdleBIbChdLTk9XTl9SRUdFWF9VTlNQRUNJRklFRBAAEiAKHEtOT1dOX1JFR0VYX0hUVFBfSEVBREVSX05BTUUQARIhCh1LTk9XTl9SRUdFWF9IVFRQX0hFQURFUl9WQUxVRRACOlYKB21lc3NhZ2USHy5nb29nbGUucHJvdG9idWYuTWVzc2FnZU9wdGlvbnMYhwkgASgLMhouYnVmLnZhbGlkYXRlLk1lc3NhZ2VSdWxlc1IHbWVzc2FnZTpOCgVvbmVvZhIdLmdvb2dsZS5wcm90b2J1Zi5PbmVvZk9wdGlvbnMYhwkgASgLMhguYnVmLnZhbGlkYXRlLk9uZW9mUnVsZXNSBW9uZW9mOk4KBWZpZWxkEh0uZ29vZ2xlLnByb3RvYnVmLkZpZWxkT3B0aW9ucxiHCSABKAsyGC5idWYudmFsaWRhdGUuRmllbGRSdWxlc1IFZmllbGQ6XQoKcHJlZGVmaW5lZBIdLmdvb2dsZS5wcm90b2J1Zi5GaWVsZE9wdGlvbnMYiAkgASgLMh0uYnVmLnZhbGlkYXRlLlByZWRlZmluZWRSdWxlc1IKcHJlZGVmaW5lZEJuChJidWlsZC5idWYudmFsaWRhdGVCDVZhbGlkYXRlUHJvdG9QAVpHYnVmLmJ1aWxkL2dlbi9nby9idWZidWlsZC9wcm90b3ZhbGlkYXRlL3Byb3RvY29sYnVmZmVycy9nby9idWYvdmFsaWRhdGU", [jt, Ia, Ha, tc]), ur = /* @__PURE__ */ L("ChVoZXJhbGQvdjEvaW5ib3gucHJvdG8SCWhlcmFsZC52MSLCAQoJSW5ib3hJdGVtEgoKAmlkGAEgASgJEhcKD25vdGlmaWNhdGlvbl9pZBgCIAEoCRINCgV0aXRsZRgDIAEoCRIMCgRib2R5GAQgASgJEgwKBGxpbmsYBSABKAkSDAoEcmVhZBgGIAEoCBIQCghhcmNoaXZlZBgHIAEoCBIvCgtjcmVhdGVfdGltZRgIIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXASFAoMbWVzc2FnZV90eXBlGAkgASgJIoABChBMaXN0SW5ib3hSZXF1ZXN0EhwKCXBhZ2Vfc2l6ZRgBIAEoBUIJukgGGgQYZCgAEhwKCnBhZ2VfdG9rZW4YAiABKAlCCLpIBXIDGIAEEjAKBmZpbHRlchgDIAEoDjIWLmhlcmFsZC52MS5JbmJveEZpbHRlckIIukgFggECEAEiUQoRTGlzdEluYm94UmVzcG9uc2USIwoFaXRlbXMYASADKAsyFC5oZXJhbGQudjEuSW5ib3hJdGVtEhcKD25leHRfcGFnZV90b2tlbhgCIAEoCSI2Cg9NYXJrUmVhZFJlcXVlc3QSIwoIaXRlbV9pZHMYASADKAlCEbpIDpIBCwgBEGQiBXIDsAEBIigKEE1hcmtSZWFkUmVzcG9uc2USFAoMdW5yZWFkX2NvdW50GAEgASgDIhQKEk1hcmtBbGxSZWFkUmVxdWVzdCIrChNNYXJrQWxsUmVhZFJlc3BvbnNlEhQKDHVucmVhZF9jb3VudBgBIAEoAyI1Cg5BcmNoaXZlUmVxdWVzdBIjCghpdGVtX2lkcxgBIAMoCUIRukgOkgELCAEQZCIFcgOwAQEiJwoPQXJjaGl2ZVJlc3BvbnNlEhQKDHVucmVhZF9jb3VudBgBIAEoAyIUChJVbnJlYWRDb3VudFJlcXVlc3QiJAoTVW5yZWFkQ291bnRSZXNwb25zZRINCgVjb3VudBgBIAEoAyITChFXYXRjaEluYm94UmVxdWVzdCJOChJXYXRjaEluYm94UmVzcG9uc2USIgoEaXRlbRgBIAEoCzIULmhlcmFsZC52MS5JbmJveEl0ZW0SFAoMdW5yZWFkX2NvdW50GAIgASgDKowBCgtJbmJveEZpbHRlchIcChhJTkJPWF9GSUxURVJfVU5TUEVDSUZJRUQQABIXChNJTkJPWF9GSUxURVJfVU5SRUFEEAESFQoRSU5CT1hfRklMVEVSX1JFQUQQAhIZChVJTkJPWF9GSUxURVJfQVJDSElWRUQQAxIUChBJTkJPWF9GSUxURVJfQUxMEAQy4QMKDEluYm94U2VydmljZRJLCglMaXN0SW5ib3gSGy5oZXJhbGQudjEuTGlzdEluYm94UmVxdWVzdBocLmhlcmFsZC52MS5MaXN0SW5ib3hSZXNwb25zZSIDkAIBEkgKCE1hcmtSZWFkEhouaGVyYWxkLnYxLk1hcmtSZWFkUmVxdWVzdBobLmhlcmFsZC52MS5NYXJrUmVhZFJlc3BvbnNlIgOQAgISUQoLTWFya0FsbFJlYWQSHS5oZXJhbGQudjEuTWFya0FsbFJlYWRSZXF1ZXN0Gh4uaGVyYWxkLnYxLk1hcmtBbGxSZWFkUmVzcG9uc2UiA5ACAhJFCgdBcmNoaXZlEhkuaGVyYWxkLnYxLkFyY2hpdmVSZXF1ZXN0GhouaGVyYWxkLnYxLkFyY2hpdmVSZXNwb25zZSIDkAICElEKC1VucmVhZENvdW50Eh0uaGVyYWxkLnYxLlVucmVhZENvdW50UmVxdWVzdBoeLmhlcmFsZC52MS5VbnJlYWRDb3VudFJlc3BvbnNlIgOQAgESTQoKV2F0Y2hJbmJveBIcLmhlcmFsZC52MS5XYXRjaEluYm94UmVxdWVzdBodLmhlcmFsZC52MS5XYXRjaEluYm94UmVzcG9uc2UiADABQjNaMWdpdGh1Yi5jb20vaGVyYWxkaHEvaGVyYWxkL2dlbi9oZXJhbGQvdjE7aGVyYWxkdjFiBnByb3RvMw", [dr, tc]), mr = /* @__PURE__ */ Ds(ur, 0);
function gr() {
  try {
    new Headers();
  } catch {
    throw new Error("connect-web requires the fetch API. Are you running on an old version of Node.js? Node.js is not supported in Connect for Web - please stay tuned for Connect for Node.");
  }
}
var ce = function(e) {
  return this instanceof ce ? (this.v = e, this) : new ce(e);
}, br = function(e, n, t) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var c = t.apply(e, n || []), o, a = [];
  return o = Object.create((typeof AsyncIterator == "function" ? AsyncIterator : Object).prototype), r("next"), r("throw"), r("return", s), o[Symbol.asyncIterator] = function() {
    return this;
  }, o;
  function s(m) {
    return function(b) {
      return Promise.resolve(b).then(m, g);
    };
  }
  function r(m, b) {
    c[m] && (o[m] = function(h) {
      return new Promise(function(I, G) {
        a.push([m, h, I, G]) > 1 || i(m, h);
      });
    }, b && (o[m] = b(o[m])));
  }
  function i(m, b) {
    try {
      l(c[m](b));
    } catch (h) {
      y(a[0][3], h);
    }
  }
  function l(m) {
    m.value instanceof ce ? Promise.resolve(m.value.v).then(u, g) : y(a[0][2], m);
  }
  function u(m) {
    i("next", m);
  }
  function g(m) {
    i("throw", m);
  }
  function y(m, b) {
    m(b), a.shift(), a.length && i(a[0][0], a[0][1]);
  }
};
const It = {
  redirect: "error"
};
function yr(e) {
  var n;
  gr();
  const t = (n = e.useBinaryFormat) !== null && n !== void 0 ? n : !1;
  return {
    async unary(c, o, a, s, r, i) {
      const { serialize: l, parse: u } = it(c, t, e.jsonOptions, e.binaryOptions);
      return a = a === void 0 ? e.defaultTimeoutMs : a <= 0 ? void 0 : a, await ir({
        interceptors: e.interceptors,
        signal: o,
        timeoutMs: a,
        req: {
          stream: !1,
          service: c.parent,
          method: c,
          requestMethod: "POST",
          url: rt(e.baseUrl, c),
          header: gt(c.methodKind, t, a, s, !1),
          contextValues: i ?? at(),
          message: r
        },
        next: async (g) => {
          var y;
          const m = e.useHttpGet === !0 && c.idempotency === He.NO_SIDE_EFFECTS;
          let b = null;
          m ? g = rr(g, l(g.message), t) : b = l(g.message);
          const I = await ((y = e.fetch) !== null && y !== void 0 ? y : globalThis.fetch)(g.url, Object.assign(Object.assign({}, It), { method: g.requestMethod, headers: g.header, signal: g.signal, body: b })), { isUnaryError: G, unaryError: A } = bt(c.methodKind, t, I.status, I.headers);
          if (G)
            throw Yc(await I.json(), Js(...mt(I.headers)), A);
          const [W, x] = mt(I.headers);
          return {
            stream: !1,
            service: c.parent,
            method: c,
            header: W,
            message: t ? u(new Uint8Array(await I.arrayBuffer())) : fc(c.output, await I.json(), Nc(e.jsonOptions)),
            trailer: x
          };
        }
      });
    },
    async stream(c, o, a, s, r, i) {
      const { serialize: l, parse: u } = it(c, t, e.jsonOptions, e.binaryOptions);
      function g(m, b, h, I) {
        return br(this, arguments, function* () {
          const A = Ns(m).getReader();
          let W = !1;
          for (; ; ) {
            const x = yield ce(A.read());
            if (x.done)
              break;
            const { flags: T, data: yn } = x.value;
            if ((T & ot) === ot)
              throw new C("protocol error: received unsupported compressed output", p.Internal);
            if ((T & ut) === ut) {
              W = !0;
              const Ve = or(yn);
              if (Ve.error) {
                const ae = Ve.error;
                throw h.forEach((Ce, Hc) => {
                  ae.metadata.append(Hc, Ce);
                }), ae;
              }
              Ve.metadata.forEach((ae, Ce) => b.set(Ce, ae));
              continue;
            }
            yield yield ce(u(yn));
          }
          if ("throwIfAborted" in I && I.throwIfAborted(), !W)
            throw "missing EndStreamResponse";
        });
      }
      async function y(m) {
        if (c.methodKind != "server_streaming")
          throw "The fetch API does not support streaming request bodies";
        const b = await m[Symbol.asyncIterator]().next();
        if (b.done == !0)
          throw "missing request message";
        return Ys(0, l(b.value));
      }
      return a = a === void 0 ? e.defaultTimeoutMs : a <= 0 ? void 0 : a, await lr({
        interceptors: e.interceptors,
        timeoutMs: a,
        signal: o,
        req: {
          stream: !0,
          service: c.parent,
          method: c,
          requestMethod: "POST",
          url: rt(e.baseUrl, c),
          header: gt(c.methodKind, t, a, s, !1),
          contextValues: i ?? at(),
          message: r
        },
        next: async (m) => {
          var b;
          const I = await ((b = e.fetch) !== null && b !== void 0 ? b : globalThis.fetch)(m.url, Object.assign(Object.assign({}, It), { method: m.requestMethod, headers: m.header, signal: m.signal, body: await y(m.message) }));
          if (bt(c.methodKind, t, I.status, I.headers), I.body === null)
            throw "missing response body";
          const G = new Headers();
          return Object.assign(Object.assign({}, m), { header: I.headers, trailer: G, message: g(I.body, G, I.headers, m.signal) });
        }
      });
    }
  };
}
function Ir(e, n) {
  return yr({ baseUrl: e, interceptors: [(c) => async (o) => (o.header.set("Authorization", `Bearer ${n()}`), c(o))] });
}
function hr(e) {
  return C.from(e).code;
}
function Gr(e) {
  return C.from(e).rawMessage;
}
const pr = `
:host { position: relative; display: inline-block; font: 14px/1.4 system-ui, sans-serif; color: var(--herald-text, #1d2330);
  --accent: var(--herald-accent, #3557d6); }
button { font: inherit; cursor: pointer; }
.bell { position: relative; display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
  border: 1px solid #d5d9e2; background: var(--herald-background, #fff); color: inherit; }
.bell:focus-visible, .panel button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.bell svg { width: 20px; height: 20px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 18px; height: 18px; padding: 0 5px; box-sizing: border-box;
  border-radius: 9px; background: #d7263d; color: #fff; font-size: 11px; font-weight: 600; line-height: 18px; text-align: center; }
.panel { position: absolute; right: 0; top: 48px; z-index: 10; width: min(360px, 90vw); max-height: 70vh; overflow: auto;
  background: var(--herald-background, #fff); border: 1px solid #d5d9e2; border-radius: 10px; box-shadow: 0 8px 28px rgba(20, 30, 60, .16); }
header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; border-bottom: 1px solid #eceef3; }
h2 { margin: 0; font-size: 15px; }
.link { border: 0; background: none; color: var(--accent); padding: 2px 4px; }
.link:disabled { color: #9aa1b1; cursor: default; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: grid; grid-template-columns: 10px 1fr auto; gap: 4px 10px; padding: 10px 14px; border-bottom: 1px solid #f0f1f5; }
li .dot { width: 8px; height: 8px; margin-top: 6px; border-radius: 50%; }
li.unread .dot { background: var(--accent); }
li.unread .title { font-weight: 600; }
.title { grid-column: 2; }
.body { grid-column: 2; color: #4a5266; white-space: pre-line; }
time { grid-column: 2; color: #7a8194; font-size: 12px; }
.actions { grid-column: 3; grid-row: 1 / span 3; display: flex; flex-direction: column; gap: 2px; align-items: end; }
.title a { color: inherit; }
.empty, .status { margin: 0; padding: 16px 14px; color: #7a8194; }
.status:empty { display: none; }
.more { display: block; width: 100%; padding: 10px; }
[hidden] { display: none !important; }
`, fr = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
<path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>`, Zr = 20, Vr = 3e4;
class Cr extends HTMLElement {
  static observedAttributes = ["api", "token"];
  #d;
  #t;
  #a;
  #s;
  #h;
  #G;
  #c;
  #u;
  #m;
  #r;
  #i;
  #e = [];
  #g = 0;
  #b = "";
  #y;
  constructor() {
    super(), this.#d = this.attachShadow({ mode: "open" }), this.#d.innerHTML = `<style>${pr}</style>
<button class="bell" part="bell" aria-haspopup="true" aria-expanded="false">${fr}<span class="badge" part="badge" hidden></span></button>
<section class="panel" part="panel" hidden aria-label="Notifications">
  <header><h2>Notifications</h2><button class="link mark-all" disabled>Mark all read</button></header>
  <p class="status" role="status"></p>
  <ul class="items"></ul>
  <p class="empty" hidden>You're all caught up.</p>
  <button class="link more" hidden>Load more</button>
</section>`;
    const n = (t) => this.#d.querySelector(t);
    this.#t = n(".bell"), this.#a = n(".badge"), this.#s = n(".panel"), this.#h = n(".items"), this.#G = n(".empty"), this.#c = n(".status"), this.#u = n(".more"), this.#m = n(".mark-all"), this.#t.addEventListener("click", () => this.toggle()), this.#m.addEventListener("click", () => {
      this.#l(async (t) => this.#n((await t.markAllRead({})).unreadCount));
    }), this.#u.addEventListener("click", () => {
      this.#I(this.#b);
    }), this.addEventListener("keydown", (t) => {
      t.key === "Escape" && !this.#s.hidden && (this.toggle(!1), this.#t.focus());
    }), this.#o();
  }
  /** token is the inbox token the element calls Herald with. */
  get token() {
    return this.getAttribute("token") ?? "";
  }
  set token(n) {
    this.setAttribute("token", n);
  }
  /** unreadCount is the recipient's unread count as last heard. */
  get unreadCount() {
    return this.#g;
  }
  connectedCallback() {
    this.#p();
  }
  disconnectedCallback() {
    this.#f();
  }
  attributeChangedCallback(n, t, c) {
    t !== c && this.isConnected && this.#p();
  }
  /** toggle opens or closes the list. */
  toggle(n = this.#s.hidden) {
    this.#s.hidden = !n, this.#t.setAttribute("aria-expanded", String(n));
  }
  #p() {
    this.#f();
    const n = this.getAttribute("api") ?? "";
    !n || !this.token || (this.#r = Fs(mr, Ir(n.replace(/\/+$/, ""), () => this.token)), this.#i = new AbortController(), this.#V(this.#r, this.#i.signal));
  }
  #f() {
    this.#i?.abort(), this.#i = void 0, clearTimeout(this.#y);
  }
  // watch keeps a WatchInbox stream open, reconnecting with backoff. Its
  // first message carries the count; the list is (re)read then, so nothing
  // committed while disconnected is missed.
  async #V(n, t) {
    let c = 500;
    for (; !t.aborted; ) {
      try {
        let o = !0;
        for await (const a of n.watchInbox({}, { signal: t })) {
          if (c = 500, this.#c.textContent = "", o) {
            o = !1, this.#n(a.unreadCount), await this.#I("");
            continue;
          }
          a.item ? (this.#C(a.item), this.#n(a.unreadCount)) : (this.#n(a.unreadCount), clearTimeout(this.#y), this.#y = setTimeout(() => {
            this.#I("");
          }, 200));
        }
      } catch (o) {
        if (t.aborted)
          return;
        if (hr(o) === p.Unauthenticated) {
          this.#c.textContent = "Session expired.", this.dispatchEvent(new CustomEvent("herald-inbox-token-expired", { bubbles: !0, composed: !0 }));
          return;
        }
        this.#c.textContent = "Reconnecting…";
      }
      await new Promise((o) => setTimeout(o, c * (0.5 + Math.random()))), c = Math.min(c * 2, Vr);
    }
  }
  // load reads a page: from the top (pageToken "") replacing the list, or
  // the next page appended.
  async #I(n) {
    await this.#l(async (t) => {
      const c = await t.listInbox({ pageSize: Zr, pageToken: n });
      if (n === "") {
        const o = new Set(c.items.map((r) => r.id)), a = c.items.at(-1), s = this.#e.filter((r) => !o.has(r.id) && a && le(r) > le(a));
        this.#e = [...s, ...c.items];
      } else {
        const o = new Set(this.#e.map((a) => a.id));
        this.#e.push(...c.items.filter((a) => !o.has(a.id)));
      }
      this.#b = c.nextPageToken, this.#o();
    });
  }
  #C(n) {
    this.#e.some((t) => t.id === n.id) || (this.#e.push(n), this.#e.sort((t, c) => le(c) - le(t)), this.#o());
  }
  #n(n) {
    const t = Number(n);
    t === this.#g && this.#a.textContent !== "" || (this.#g = t, this.#a.textContent = t > 99 ? "99+" : String(t), this.#a.hidden = t === 0, this.#t.setAttribute("aria-label", t === 0 ? "Notifications" : `Notifications, ${t} unread`), this.#m.disabled = t === 0, this.dispatchEvent(new CustomEvent("herald-inbox-count", { detail: { count: t }, bubbles: !0, composed: !0 })));
  }
  async #Z(n) {
    await this.#l(async (t) => {
      const c = await t.markRead({ itemIds: [n.id] });
      n.read = !0, this.#n(c.unreadCount), this.#o();
    });
  }
  async #X(n) {
    await this.#l(async (t) => {
      const c = await t.archive({ itemIds: [n.id] });
      this.#e = this.#e.filter((o) => o.id !== n.id), this.#n(c.unreadCount), this.#o();
    });
  }
  // run calls Herald, showing failures in the panel instead of throwing.
  async #l(n) {
    if (this.#r)
      try {
        await n(this.#r);
      } catch (t) {
        this.#c.textContent = `Could not reach notifications: ${Gr(t)}`;
      }
  }
  #o() {
    const n = this.#e.map((t) => {
      const c = document.createElement("li");
      c.className = t.read ? "read" : "unread", c.dataset.id = t.id;
      const o = de("span", "dot"), a = de("span", "title"), s = Xr(t.link);
      if (s) {
        const g = document.createElement("a");
        g.href = s, g.textContent = t.title, g.addEventListener("click", () => {
          t.read || this.#Z(t);
        }), a.append(g);
      } else
        a.textContent = t.title;
      const r = de("span", "body", t.body), i = document.createElement("time"), l = t.createTime ? cc(t.createTime) : void 0;
      l && (i.dateTime = l.toISOString(), i.textContent = l.toLocaleString());
      const u = de("span", "actions");
      return t.read || u.append(ht("Mark read", "mark-read", () => {
        this.#Z(t);
      })), u.append(ht("Archive", "archive", () => {
        this.#X(t);
      })), c.append(o, a, r, i, u), c;
    });
    this.#h.replaceChildren(...n), this.#G.hidden = this.#e.length > 0, this.#u.hidden = this.#b === "";
  }
}
function le(e) {
  return e.createTime ? cc(e.createTime).getTime() : 0;
}
function de(e, n, t = "") {
  const c = document.createElement(e);
  return c.className = n, c.textContent = t, c;
}
function ht(e, n, t) {
  const c = document.createElement("button");
  return c.className = `link ${n}`, c.textContent = e, c.addEventListener("click", t), c;
}
function Xr(e) {
  try {
    const n = new URL(e);
    return n.protocol === "https:" || n.protocol === "http:" ? n.href : void 0;
  } catch {
    return;
  }
}
customElements.get("herald-inbox") || customElements.define("herald-inbox", Cr);
export {
  Cr as HeraldInbox
};
