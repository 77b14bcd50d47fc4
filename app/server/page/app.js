// The page of `roicast serve`: a form for every input of the scenario, built
// from the scenario's JSON Schema (/api/schema), and the results rendered on
// the server by the report writers (/api/view). Nothing here computes a
// figure: the server runs the same forecast as `roicast run`.
"use strict";

const FIRST_PATHS = 10000;
const REFINED_PATHS = 100000;
const SESSION = randomToken();

let schema = null;      // the scenario's JSON Schema
let doc = null;         // the scenario being edited
let controller = null;  // aborts the running request when a newer change comes
let generation = 0;     // which change the answers on screen belong to
let debounce = 0;
let idCounter = 0;

function randomToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function humanise(key) {
  const text = String(key).replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- the schema ---------------------------------------------------------

function definition(ref) {
  return schema.definitions[ref.replace("#/definitions/", "")];
}

// A field's schema with its $ref followed (the field's own description kept).
function resolve(s) {
  if (s && s.$ref) return Object.assign({}, definition(s.$ref), s.description ? { description: s.description } : {});
  return s || {};
}

function isInput(s) {
  return Array.isArray(s.oneOf) && s.oneOf.some((b) => b.$ref === "#/definitions/distribution");
}

function isNamedCollection(s) {
  return s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object" && !s.properties;
}

// The "[unit]" a description ends with, and the description without it.
function splitUnit(description) {
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/s.exec(description || "");
  return m ? { text: m[1], unit: m[2] } : { text: description || "", unit: "" };
}

function distributionKinds() {
  return definition("#/definitions/distribution").oneOf.map((b) => ({
    name: b.properties.dist.const,
    description: b.description,
    parameters: Object.keys(b.properties).filter((p) => !["dist", "source", "label"].includes(p)),
    required: b.required.filter((p) => p !== "dist"),
  }));
}

// ---- reading and writing the document -----------------------------------

function getAt(path) {
  let v = doc;
  for (const k of path) v = v == null ? undefined : v[k];
  return v;
}

function setAt(path, value) {
  let v = doc;
  for (const k of path.slice(0, -1)) v = v[k];
  v[path[path.length - 1]] = value;
}

// An object with one key renamed, the order kept.
function renamed(object, from, to) {
  const out = {};
  for (const [k, v] of Object.entries(object)) out[k === from ? to : k] = v;
  return out;
}

// What a typed text becomes: a number when it reads as one, else the text
// itself, so that the loader names the problem at its address.
function parsedNumber(text) {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return t;
  const x = Number(t);
  return Number.isFinite(x) ? x : text;
}

// ---- the form -----------------------------------------------------------

function fieldBox(address, labelText, schemaOf, control, extra) {
  const { text, unit } = splitUnit(schemaOf.description);
  const id = control.id || (control.id = "f" + ++idCounter);
  const box = el("div", { class: "field", "data-address": address });
  const hintId = id + "-hint";
  const label = el("label", { for: id }, labelText);
  if (unit) label.append(el("span", { class: "unit", text: " " + unit }));
  box.append(label);
  const row = el("div", { class: "control" });
  row.append(control);
  if (extra) {
    if (extra.type === "range") extra.setAttribute("aria-label", labelText);
    row.append(extra);
  }
  box.append(row);
  if (text) {
    box.append(el("p", { class: "hint", id: hintId, title: text, text }));
    control.setAttribute("aria-describedby", hintId);
  }
  return box;
}

function onEdit(path, read, { structural = false, immediate = false } = {}) {
  return () => {
    setAt(path, read());
    if (structural) renderForm();
    schedule(immediate ? 0 : 250);
  };
}

function numberControl(path, value, range) {
  const input = el("input", { type: "text", inputmode: "decimal", value: value ?? "", autocomplete: "off", spellcheck: "false" });
  input.addEventListener("change", onEdit(path, () => parsedNumber(input.value), { immediate: true }));
  if (range && Number.isFinite(range.low) && Number.isFinite(range.high) && range.high - range.low <= 2) {
    // A share, a probability or a signed share: a slider beside the field, both editable.
    const slider = el("input", { type: "range", min: range.low, max: range.high, step: 0.01,
                                 value: typeof value === "number" ? value : 0 });
    slider.addEventListener("input", () => {
      input.value = slider.value;
      setAt(path, Number(slider.value));
      schedule(150);
    });
    input.addEventListener("change", () => {
      const x = Number(input.value);
      if (Number.isFinite(x)) slider.value = x;
    });
    return { control: input, extra: slider };
  }
  return { control: input, extra: null };
}

function numberRange(s) {
  const branch = (s.oneOf || []).find((b) => b.type === "number") || s;
  return { low: branch.minimum, high: branch.maximum };
}

// One numeric input: a constant, {"value": x, "source": …} or a distribution.
function renderInput(parent, path, s, key) {
  const value = getAt(path);
  const address = path.join(".");
  const range = numberRange(s);
  const isObject = value && typeof value === "object";
  const kind = isObject && value.dist ? value.dist : "constant";
  const box = el("div", { class: "input", "data-address": address });
  const labelText = (isObject && value.label) || humanise(key);
  const kinds = distributionKinds();
  const select = el("select", { "aria-label": labelText + ": how it is given" });
  select.append(el("option", { value: "constant", text: "a number" }));
  for (const k of kinds) select.append(el("option", { value: k.name, text: k.name, title: k.description }));
  select.value = kind;
  select.addEventListener("change", () => {
    setAt(path, converted(getAt(path), select.value, range, kinds));
    renderForm(address);
    schedule(0);
  });

  if (kind === "constant") {
    const inner = isObject ? [...path, "value"] : path;
    const { control, extra } = numberControl(inner, getAt(inner), range);
    const field = fieldBox(address, labelText, s, control, extra);
    field.querySelector(".control").prepend(select);
    box.append(field);
  } else {
    const head = fieldBox(address, labelText, s, select, null);
    box.append(head);
    const params = el("div", { class: "params" });
    const k = kinds.find((x) => x.name === kind);
    const shown = k ? k.parameters.filter((p) => p in value || k.required.includes(p)) : Object.keys(value);
    for (const p of shown) {
      if (p === "values" || p === "weights") {
        const area = el("input", { type: "text", value: JSON.stringify(value[p] ?? []) });
        area.addEventListener("change", onEdit([...path, p], () => {
          try { return JSON.parse(area.value); } catch { return area.value; }
        }, { immediate: true }));
        params.append(fieldBox(address + "." + p, p, {}, area, null));
        continue;
      }
      const sliderRange = ["min", "mode", "max", "median", "mean", "p5", "p95", "p90"].includes(p) ? range : null;
      const { control, extra } = numberControl([...path, p], value[p], sliderRange);
      params.append(fieldBox(address + "." + p, p, {}, control, extra));
    }
    box.append(params);
  }
  const source = isObject ? value.source : "";
  if (source) box.append(el("p", { class: "source", text: "Source: " + source }));
  parent.append(box);
}

// A distribution from a number and back, keeping the figure the user gave.
function converted(value, kind, range, kinds) {
  const meta = value && typeof value === "object" ? { source: value.source, label: value.label } : {};
  const centre = typeof value === "number" ? value
    : value && typeof value === "object"
      ? value.value ?? value.mode ?? value.median ?? value.mean ?? (value.min + value.max) / 2 ?? 0
      : 0;
  const clean = (o) => {
    for (const k of Object.keys(o)) if (o[k] === undefined || o[k] === "") delete o[k];
    return o;
  };
  if (kind === "constant") return meta.source || meta.label ? clean({ value: centre, ...meta }) : centre;
  const low = range.low ?? -Infinity, high = range.high ?? Infinity;
  const spread = Math.abs(centre) * 0.2 || 0.1;
  const lo = Math.max(low, centre - spread), hi = Math.min(high, centre + spread);
  const templates = {
    pert: { min: lo, mode: centre, max: hi },
    triangular: { min: lo, mode: centre, max: hi },
    uniform: { min: lo, max: hi },
    normal: { mean: centre, sd: spread / 2, min: Number.isFinite(low) ? low : undefined, max: Number.isFinite(high) ? high : undefined },
    lognormal: { median: centre > 0 ? centre : 1, p90: (centre > 0 ? centre : 1) * 1.5 },
    beta: { alpha: 2, beta: 2, min: lo, max: hi },
    gamma: { shape: 2, scale: centre > 0 ? centre / 2 : 1 },
    bernoulli: { p: 0.5 },
    discrete: { values: [lo, centre, hi], weights: [1, 2, 1] },
  };
  const known = kinds.some((k) => k.name === kind);
  return clean({ dist: known ? kind : "pert", ...(templates[kind] || templates.pert), ...meta });
}

// A field of an object, by its schema.
function renderField(parent, path, fieldSchema, key) {
  const s = resolve(fieldSchema);
  const value = getAt(path);
  const address = path.join(".");
  if (isInput(s)) return renderInput(parent, path, s, key);
  if (s.oneOf && s.oneOf.every((b) => b.$ref)) return renderChoiceOfObjects(parent, path, s, key);
  if (isNamedCollection(s)) return renderCollection(parent, path, s, key);
  if (s.type === "object" && s.properties) return renderObject(parent, path, s, key);
  if (s.enum) {
    const select = el("select");
    for (const option of s.enum) select.append(el("option", { value: option, text: option }));
    select.value = value;
    select.addEventListener("change", onEdit(path, () => select.value, { immediate: true }));
    return parent.append(fieldBox(address, humanise(key), s, select, null));
  }
  if (s.oneOf && s.oneOf.some((b) => b.enum) && s.oneOf.some((b) => b.type === "object")) return renderWhen(parent, path, s, key);
  if (s.type === "number" || s.type === "integer") {
    const { control, extra } = numberControl(path, value, { low: s.minimum, high: s.maximum });
    return parent.append(fieldBox(address, humanise(key), s, control, extra));
  }
  if (s.type === "boolean") {
    const box = el("input", { type: "checkbox" });
    box.checked = !!value;
    box.addEventListener("change", onEdit(path, () => box.checked, { immediate: true }));
    return parent.append(fieldBox(address, humanise(key), s, box, null));
  }
  if (s.type === "string") {
    const input = el("input", { type: "text", value: value ?? "", spellcheck: "false", class: "wide" });
    input.addEventListener("change", onEdit(path, () => input.value, { immediate: true }));
    return parent.append(fieldBox(address, humanise(key), s, input, null));
  }
  // Anything else (lists, horizons, a variant's edits): its JSON, edited as text.
  const area = el("textarea", { rows: Math.min(8, JSON.stringify(value, null, 1).split("\n").length), spellcheck: "false" });
  area.value = JSON.stringify(value, null, 1);
  area.addEventListener("change", onEdit(path, () => {
    try { return JSON.parse(area.value); } catch { return area.value; }
  }, { immediate: true }));
  parent.append(fieldBox(address, humanise(key) + " (JSON)", s, area, null));
}

// "implementation", "go_live" or {"month": k}: a choice and a month.
function renderWhen(parent, path, s, key) {
  const value = getAt(path);
  const names = s.oneOf.find((b) => b.enum).enum;
  const select = el("select");
  for (const n of names) select.append(el("option", { value: n, text: n }));
  select.append(el("option", { value: "month", text: "at a month" }));
  const month = el("input", { type: "text", inputmode: "numeric", "aria-label": humanise(key) + ": month", size: 4 });
  const isMonth = value && typeof value === "object";
  select.value = isMonth ? "month" : value;
  month.value = isMonth ? value.month : "";
  month.hidden = !isMonth;
  const read = () => (select.value === "month" ? { month: parsedNumber(month.value || "1") } : select.value);
  select.addEventListener("change", () => {
    month.hidden = select.value !== "month";
    if (!month.hidden && !month.value) month.value = "1";
    setAt(path, read());
    schedule(0);
  });
  month.addEventListener("change", onEdit(path, read, { immediate: true }));
  parent.append(fieldBox(path.join("."), humanise(key), s, select, month));
}

// Adoption: a logistic or a Bass curve, each with its own fields.
function renderChoiceOfObjects(parent, path, s, key) {
  const value = getAt(path) || {};
  const branches = s.oneOf.map((b) => definition(b.$ref));
  const modelOf = (b) => b.properties.model.enum[0];
  const current = branches.find((b) => modelOf(b) === value.model) || branches[0];
  const group = el("fieldset", { class: "group", "data-address": path.join(".") }, el("legend", { text: humanise(key) }));
  const select = el("select");
  for (const b of branches) select.append(el("option", { value: modelOf(b), text: modelOf(b), title: b.description }));
  select.value = modelOf(current);
  select.addEventListener("change", () => {
    const b = branches.find((x) => modelOf(x) === select.value);
    const next = { model: select.value };
    if ("ceiling" in value) next.ceiling = value.ceiling;
    for (const r of b.required) if (!(r in next)) next[r] = r === "model" ? select.value : 1;
    if (select.value === "bass") Object.assign(next, { p: 0.03, q: 0.4 });
    setAt(path, next);
    renderForm(path.join("."));
    schedule(0);
  });
  group.append(fieldBox(path.join(".") + ".model", "Model", { description: current.description }, select, null));
  for (const [k, fs] of Object.entries(current.properties)) {
    if (k === "model" || !(k in value)) continue;
    renderField(group, [...path, k], fs, k);
  }
  addMissingFields(group, path, current, value);
  parent.append(group);
}

function renderObject(parent, path, s, key) {
  const value = getAt(path);
  if (!value || typeof value !== "object") return;
  const group = el("fieldset", { class: "group", "data-address": path.join(".") }, el("legend", { text: humanise(key) }));
  for (const [k, fs] of Object.entries(s.properties)) {
    if (!(k in value)) continue;
    renderField(group, [...path, k], fs, k);
  }
  addMissingFields(group, path, s, value);
  parent.append(group);
}

// Optional fields the scenario leaves out: added from a list, at a neutral value.
function addMissingFields(group, path, s, value) {
  const missing = Object.keys(s.properties).filter((k) => !(k in value) && !["$schema", "label", "source", "description"].includes(k));
  if (missing.length === 0) return;
  const select = el("select", { "aria-label": "Add a field to " + path.join(".") });
  select.append(el("option", { value: "", text: "Add a field…" }));
  for (const k of missing) select.append(el("option", { value: k, text: humanise(k) }));
  select.addEventListener("change", () => {
    const k = select.value;
    if (!k) return;
    const fs = resolve(s.properties[k]);
    setAt([...path, k], starting(fs));
    renderForm([...path, k].join("."));
    schedule(0);
  });
  group.append(el("div", { class: "add" }, select));
}

// A value to start a new field or line with.
function starting(s) {
  s = resolve(s);
  if (isInput(s) || s.type === "number" || s.type === "integer") return s.default ?? 0;
  if (s.enum) return s.enum[0];
  if (s.type === "string") return "";
  if (s.type === "boolean") return false;
  if (s.type === "array") return [];
  if (s.oneOf && s.oneOf.some((b) => b.enum)) return s.oneOf.find((b) => b.enum).enum[0];
  if (s.oneOf && s.oneOf.every((b) => b.$ref)) return starting(definition(s.oneOf[0].$ref));
  if (s.type === "object" && s.properties) {
    const o = {};
    for (const r of s.required || []) o[r] = r === "model" ? s.properties.model.enum[0] : starting(s.properties[r]);
    return o;
  }
  return {};
}

const NEW_ENTRIES = {
  options: () => ({
    implementation: { months: 3 },
    costs: { licences: { amount: 50, unit: "per_user_month", from: "go_live" } },
    adoption: { model: "logistic", ceiling: 0.8, midpoint_months: 3, steepness: 1 },
    effects: { conversion_uplift: 0.05 },
  }),
  costs: () => ({ amount: 1000, unit: "per_month" }),
  benefits: () => ({ amount: 1000, unit: "per_month", from: "go_live" }),
  risks: () => ({ probability: 0.1, cost: 10000 }),
  savings: () => ({ monthly_base: 10000, reduction: 0.05 }),
  variants: () => ({ description: "", set: { discount_rate: 0.12 } }),
};

// Options, cost and benefit lines, risks, savings, variants: named entries
// that can be added, renamed and removed.
function renderCollection(parent, path, s, key) {
  const value = getAt(path) || {};
  const itemSchema = resolve(s.additionalProperties);
  const kind = humanise(key).replace(/s$/, "").toLowerCase();
  const group = el("fieldset", { class: "group collection", "data-address": path.join(".") }, el("legend", { text: humanise(key) }));
  for (const name of Object.keys(value)) {
    const itemPath = [...path, name];
    const compact = !itemSchema.properties;  // a named number (a horizon): one row
    const item = el(compact ? "div" : "fieldset", { class: compact ? "named-value" : "group item", "data-address": itemPath.join(".") });
    const legend = el(compact ? "div" : "legend", { class: compact ? "name-row" : null });
    const nameInput = el("input", { type: "text", value: name, class: "name", "aria-label": kind + " name", spellcheck: "false" });
    nameInput.addEventListener("change", () => {
      const to = nameInput.value.trim();
      if (!to || to === name) return;
      if (to in value) { nameInput.value = name; return; }
      setAt(path, renamed(getAt(path), name, to));
      moveReferences(path, name, to);
      renderForm([...path, to].join("."));
      schedule(0);
    });
    const remove = el("button", { type: "button", class: "remove", text: "Remove", "aria-label": "Remove " + kind + " " + name });
    remove.addEventListener("click", () => {
      const next = Object.assign({}, getAt(path));
      delete next[name];
      setAt(path, next);
      renderForm(path.join("."));
      schedule(0);
    });
    legend.append(nameInput, remove);
    item.append(legend);
    if (itemSchema.properties) {
      for (const [k, fs] of Object.entries(itemSchema.properties)) {
        if (!(k in value[name])) continue;
        renderField(item, [...itemPath, k], fs, k);
      }
      addMissingFields(item, itemPath, itemSchema, value[name]);
    } else {
      const { control } = numberControl(itemPath, value[name], null);
      control.setAttribute("aria-label", humanise(key).replace(/s$/, "") + " " + name + ": months");
      legend.insertBefore(control, remove);
      item.classList.add("field");
    }
    group.append(item);
  }
  const add = el("button", { type: "button", class: "add-entry", text: "Add " + kind });
  add.addEventListener("click", () => {
    let n = 1;
    const base = key === "options" ? "option" : kind.replace(/[^a-z]+/g, "_");
    while (`${base}_${n}` in value) n++;
    const make = NEW_ENTRIES[key] || (() => starting(itemSchema));
    setAt(path, Object.assign({}, value, { [`${base}_${n}`]: make() }));
    renderForm([...path, `${base}_${n}`].join("."));
    schedule(0);
  });
  group.append(el("div", { class: "add" }, add));
  parent.append(group);
}

// A renamed option keeps its correlations and the variants that edit it.
function moveReferences(path, from, to) {
  if (path.join(".") !== "options") return;
  const re = new RegExp("^options\\." + from.replace(/[-]/g, "\\-") + "\\.");
  const move = (address) => (typeof address === "string" ? address.replace(re, "options." + to + ".") : address);
  for (const c of doc.correlations || []) if (Array.isArray(c.between)) c.between = c.between.map(move);
  for (const v of Object.values(doc.variants || {})) {
    if (v.set) v.set = Object.fromEntries(Object.entries(v.set).map(([k, x]) => [move(k), x]));
    if (v.stress) v.stress = Object.fromEntries(Object.entries(v.stress).map(([k, x]) => [move(k), x]));
  }
}

// The form, grouped as the assumptions register: general, baseline, each option, the rest.
function renderForm(focusAddress) {
  const form = document.getElementById("form");
  const active = document.activeElement;
  const activeAddress = focusAddress || (active && active.closest("[data-address]") && active.closest("[data-address]").dataset.address);
  form.replaceChildren();
  const top = schema.properties;
  const section = (title, open) => {
    const d = el("details", open ? { open: true } : {});
    d.append(el("summary", { text: title }));
    form.append(d);
    return d;
  };
  const general = section("General", true);
  for (const k of ["name", "currency", "discount_rate", "horizons"]) if (k in doc) renderField(general, [k], top[k], k);
  if (doc.simulation) {
    for (const k of ["seed", "sampling"]) if (k in doc.simulation) renderField(general, ["simulation", k], resolve(top.simulation).properties[k], k);
  }
  if (doc.baseline) {
    const b = section("Baseline: the business without the new CRM", true);
    const s = resolve(top.baseline);
    for (const k of Object.keys(s.properties)) if (k in doc.baseline) renderField(b, ["baseline", k], s.properties[k], k);
    addMissingFields(b, ["baseline"], s, doc.baseline);
  }
  const options = section("Options", true);
  renderCollection(options, ["options"], resolve(top.options), "options");
  for (const d of options.querySelectorAll(":scope > fieldset > fieldset.item")) {
    const name = d.dataset.address.replace(/^options\./, "");
    const label = doc.options[name] && doc.options[name].label;
    if (label) d.querySelector("legend").append(el("span", { class: "option-label", text: label }));
  }
  const rest = section("Correlations, variants and notes", false);
  for (const k of ["correlations", "variants", "payback_reference_months", "notes"]) {
    if (k === "variants") renderCollection(rest, ["variants"], resolve(top.variants), "variants");
    else if (k in doc) renderField(rest, [k], top[k], k);
  }
  document.getElementById("scenario-name").textContent = doc.name || "";
  if (activeAddress) {
    const target = form.querySelector(`[data-address="${CSS.escape(activeAddress)}"]`);
    if (target) {
      let node = target;
      while (node && node !== form) { if (node.tagName === "DETAILS") node.open = true; node = node.parentElement; }
      const focusable = target.querySelector("input, select, textarea, button");
      if (focusable) focusable.focus();
    }
  }
}

// ---- errors -------------------------------------------------------------

function clearErrors() {
  for (const e of document.querySelectorAll("#form .error")) e.remove();
  for (const e of document.querySelectorAll("#form [aria-invalid]")) e.removeAttribute("aria-invalid");
  const general = document.getElementById("general-errors");
  general.hidden = true;
  general.replaceChildren();
  document.getElementById("stale").hidden = true;
}

// Each error beside the field at its address (or the nearest enclosing one).
function showErrors(errors) {
  clearErrors();
  const general = document.getElementById("general-errors");
  let first = null;
  for (const e of errors) {
    let address = e.address || "";
    let target = null;
    while (address && !target) {
      target = document.querySelector(`#form [data-address="${CSS.escape(address)}"]`);
      if (!target) address = address.includes(".") ? address.slice(0, address.lastIndexOf(".")) : "";
    }
    const text = (e.address ? e.address + ": " : "") + e.message;
    const message = el("p", { class: "error", role: "alert", text });
    if (target) {
      let node = target;
      while (node) { if (node.tagName === "DETAILS") node.open = true; node = node.parentElement; }
      const field = target.classList.contains("field") ? target : target.querySelector(".field") || target;
      field.append(message);
      for (const c of field.querySelectorAll("input, select, textarea")) c.setAttribute("aria-invalid", "true");
      first = first || field;
    } else {
      general.append(message);
      general.hidden = false;
    }
  }
  document.getElementById("stale").hidden = false;
  if (first && !first.contains(document.activeElement)) first.scrollIntoView({ block: "nearest" });
}

// ---- running ------------------------------------------------------------

function status(text, busy) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.classList.toggle("busy", !!busy);
}

function runQuery(paths) {
  const q = new URLSearchParams({ paths: String(paths) });
  if (document.getElementById("want-drivers").checked) q.set("sensitivity", "tornado");
  if (document.getElementById("want-variants").checked && doc.variants && Object.keys(doc.variants).length) q.set("variant", "all");
  return q.toString();
}

async function post(url, body, signal, session = true) {
  const headers = { "Content-Type": "application/json" };
  if (session) headers["Roicast-Session"] = SESSION;
  const response = await fetch(url, { method: "POST", headers, body, signal });
  return response;
}

function schedule(delay) {
  clearTimeout(debounce);
  debounce = setTimeout(recompute, delay);
}

async function recompute() {
  const mine = ++generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const body = JSON.stringify(doc);
  try {
    for (const paths of [FIRST_PATHS, REFINED_PATHS]) {
      status(paths === FIRST_PATHS ? "Simulating 10,000 futures…" : "First answer on screen; refining with 100,000 futures…", true);
      const response = await post("/api/view?" + runQuery(paths), body, controller.signal);
      if (mine !== generation) return;
      const answer = await response.json();
      if (mine !== generation || answer.status === 409) return;  // a newer change replaced this one
      if (answer.status === 400) {
        mark(mine, "error");
        showErrors(answer.errors || []);
        status("The scenario has errors: fix the marked inputs. The results shown are the last valid ones.");
        return;
      }
      if (!response.ok) {
        status("The server could not answer: " + ((answer.errors && answer.errors[0] && answer.errors[0].message) || response.status));
        return;
      }
      clearErrors();
      showResults(answer);
      mark(mine, paths === FIRST_PATHS ? "first" : "refined");
    }
  } catch (e) {
    if (e.name !== "AbortError" && mine === generation) status("The server could not be reached: " + e.message);
  }
}

// Which change the screen answers, and how far: for people, the status
// line; for scripts (and the browser tests), these attributes.
function mark(change, state) {
  const results = document.getElementById("results");
  results.dataset.change = change;
  results.dataset.state = state;
}

function showResults(answer) {
  const r = answer.results;
  for (const [name, html] of Object.entries(answer.sections)) {
    const target = document.getElementById("sec-" + name);
    if (target) target.innerHTML = html;
  }
  const results = document.getElementById("results");
  results.dataset.paths = r.paths;
  results.dataset.seed = r.seed;
  const seconds = r.elapsed_seconds < 1 ? Math.round(r.elapsed_seconds * 1000) + " ms" : r.elapsed_seconds.toFixed(1) + " s";
  status(`${r.paths.toLocaleString("en")} simulated futures, seed ${r.seed}, computed in ${seconds}` +
         (r.paths < REFINED_PATHS ? "; refining…" : "."), r.paths < REFINED_PATHS);
}

// ---- saving -------------------------------------------------------------

function download(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function fileName(extension) {
  const stem = (doc.name || "scenario").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "scenario";
  return stem + extension;
}

async function saveReport(url, extension) {
  status("Writing the " + extension + " report from " + REFINED_PATHS.toLocaleString("en") + " futures…", true);
  // No session: a download does not cancel the page's own simulation.
  const response = await post(url + "?" + runQuery(REFINED_PATHS), JSON.stringify(doc), undefined, false);
  if (!response.ok) {
    const answer = await response.json();
    if (answer.errors) showErrors(answer.errors);
    status("No report: the scenario has errors.");
    return;
  }
  download(await response.blob(), fileName(extension));
  status("Saved " + fileName(extension) + ".");
}

// ---- start --------------------------------------------------------------

async function load(text) {
  try {
    doc = JSON.parse(text);
  } catch (e) {
    showErrors([{ address: "", message: "not valid JSON: " + e.message }]);
    return;
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    showErrors([{ address: "", message: "a scenario is a JSON object" }]);
    return;
  }
  renderForm();
  schedule(0);
}

async function start() {
  const [schemaResponse, scenarioResponse, shippedResponse] = await Promise.all([
    fetch("/api/schema"), fetch("/api/scenario"), fetch("/api/scenarios")]);
  schema = await schemaResponse.json();
  const shipped = document.getElementById("shipped");
  for (const name of await shippedResponse.json()) shipped.append(el("option", { value: name, text: name }));
  shipped.addEventListener("change", async () => {
    const name = shipped.value;
    const r = await fetch(name ? "/api/scenarios/" + encodeURIComponent(name) : "/api/scenario");
    load(await r.text());
  });
  document.getElementById("open-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (file) load(await file.text());
  });
  document.getElementById("save-json").addEventListener("click", () =>
    download(new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" }), fileName(".json")));
  document.getElementById("save-html").addEventListener("click", () => saveReport("/api/report.html", ".html"));
  document.getElementById("save-xlsx").addEventListener("click", () => saveReport("/api/report.xlsx", ".xlsx"));
  for (const id of ["want-drivers", "want-variants"]) document.getElementById(id).addEventListener("change", () => schedule(0));
  await load(await scenarioResponse.text());
}

start();
