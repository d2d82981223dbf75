"""Writers for the small run folders the hostile campaign builds: runsite's own format, MLflow's file
store and SQLite store, TensorBoard event files, DVCLive, Lightning and Hydra."""
import json
import os
import sqlite3
import struct


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)
    return path


def runsite_run(folder, meta=None, metrics=None, params=None):
    """A runsite run: runsite.json, and metrics.jsonl / params.json when given."""
    write(os.path.join(folder, "runsite.json"), json.dumps(meta or {"status": "finished"}))
    if metrics is not None:
        write(os.path.join(folder, "metrics.jsonl"), "".join(json.dumps(m) + "\n" for m in metrics))
    if params is not None:
        write(os.path.join(folder, "params.json"), json.dumps(params))
    return folder


# --- TensorBoard: TFRecord framing with masked CRC-32C, and the few Event fields used.

_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)


def _crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def _masked(data):
    crc = _crc32c(data)
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def _varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(number, wire, payload):
    key = _varint(number << 3 | wire)
    if wire == 2:
        return key + _varint(len(payload)) + payload
    return key + payload


def tb_event(wall_time, step=0, tag=None, value=None, file_version=None):
    """One serialised Event: wall_time, step, and a simple_value scalar or a file_version."""
    body = _field(1, 1, struct.pack("<d", wall_time)) + _field(2, 0, _varint(step))
    if file_version is not None:
        body += _field(3, 2, file_version.encode())
    if tag is not None:
        summary_value = _field(1, 2, tag.encode()) + _field(2, 5, struct.pack("<f", value))
        body += _field(5, 2, _field(1, 2, summary_value))
    return body


def tfrecords(events):
    out = bytearray()
    for data in events:
        header = struct.pack("<Q", len(data))
        out += header + struct.pack("<I", _masked(header)) + data + struct.pack("<I", _masked(data))
    return bytes(out)


def tensorboard_run(folder, events):
    write(os.path.join(folder, "events.out.tfevents.1700000000.host.1.0"),
          tfrecords([tb_event(1700000000.0, file_version="brain.Event:2")] + events))
    return folder


# --- MLflow file store.

def mlflow_run(root, run_id="a" * 32, end_time=1700000100000, params=None, metrics=None):
    exp = os.path.join(root, "mlruns", "0")
    write(os.path.join(exp, "meta.yaml"),
          "artifact_location: file:///tmp/x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n")
    run = os.path.join(exp, run_id)
    write(os.path.join(run, "meta.yaml"),
          f"artifact_uri: file:///tmp/x\nend_time: {end_time}\nexperiment_id: '0'\nlifecycle_stage: active\n"
          f"run_id: {run_id}\nrun_name: r\nstart_time: 1700000000000\nstatus: 3\nuser_id: u\n")
    for key, value in (params or {}).items():
        write(os.path.join(run, "params", key), value)
    for key, lines in (metrics or {"loss": ["1700000000000 1.0 0"]}).items():
        write(os.path.join(run, "metrics", key), "\n".join(lines) + "\n")
    return run


def mlflow_db(path, hostile_params_view=False):
    """A minimal MLflow SQLite store; optionally its params table is a view over an endless query."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name TEXT, artifact_location TEXT,
            lifecycle_stage TEXT, creation_time BIGINT, last_update_time BIGINT);
        CREATE TABLE runs (run_uuid TEXT PRIMARY KEY, name TEXT, source_type TEXT, source_name TEXT,
            entry_point_name TEXT, user_id TEXT, status TEXT, start_time BIGINT, end_time BIGINT,
            source_version TEXT, lifecycle_stage TEXT, artifact_uri TEXT, experiment_id INTEGER, deleted_time BIGINT);
        CREATE TABLE metrics (key TEXT, value FLOAT, timestamp BIGINT, run_uuid TEXT, step BIGINT, is_nan BOOLEAN);
        CREATE TABLE latest_metrics (key TEXT, value FLOAT, timestamp BIGINT, step BIGINT, is_nan BOOLEAN, run_uuid TEXT);
        CREATE TABLE tags (key TEXT, value TEXT, run_uuid TEXT);
        CREATE TABLE experiment_tags (key TEXT, value TEXT, experiment_id INTEGER);
        INSERT INTO experiments VALUES (0, 'Default', '', 'active', 0, 0);
        INSERT INTO runs VALUES ('r1', 'r1', 'LOCAL', '', '', 'u', 'FINISHED', 1700000000000, 1700000100000,
            '', 'active', '', 0, NULL);
        INSERT INTO metrics VALUES ('loss', 1.0, 1700000000000, 'r1', 0, 0);
    """)
    if hostile_params_view:
        db.executescript("""
            CREATE VIEW params AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                SELECT 'r1' AS run_uuid, 'k' || i AS key, randomblob(1000) AS value FROM n ORDER BY value;
        """)
    else:
        db.executescript("CREATE TABLE params (key TEXT, value TEXT, run_uuid TEXT);")
    db.commit()
    db.close()
    return path


# --- DVCLive, Lightning, Hydra.

def dvclive_run(folder, metrics=None, params_yaml=None, artifacts=None):
    write(os.path.join(folder, "metrics.json"), json.dumps(metrics if metrics is not None else {"loss": 1.0}))
    write(os.path.join(folder, "plots", "metrics", "loss.tsv"), "step\tloss\n0\t1.0\n1\t0.5\n")
    if params_yaml is not None:
        write(os.path.join(folder, "params.yaml"), params_yaml)
    if artifacts:
        stage = "".join(f"  {name}:\n    path: {path}\n" for name, path in artifacts.items())
        write(os.path.join(folder, "dvc.yaml"), "metrics:\n- metrics.json\nplots:\n- plots/metrics:\n    x: step\nartifacts:\n" + stage)
    return folder


def lightning_run(folder, hparams_yaml="lr: 0.1\n"):
    write(os.path.join(folder, "metrics.csv"), "epoch,step,train_loss\n0,0,1.0\n0,1,0.5\n")
    write(os.path.join(folder, "hparams.yaml"), hparams_yaml)
    return folder


def hydra_run(folder, config_yaml="lr: 0.1\n"):
    write(os.path.join(folder, ".hydra", "config.yaml"), config_yaml)
    write(os.path.join(folder, ".hydra", "overrides.yaml"), "- lr=0.1\n")
    write(os.path.join(folder, ".hydra", "hydra.yaml"), "hydra:\n  job:\n    name: train\n")
    write(os.path.join(folder, "metrics.jsonl"), '{"step": 0, "loss": 1.0}\n')
    return folder


YAML_BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


# --- W&B: the `.wandb` log, LevelDB-style blocks with a plain CRC-32 over type and payload.

def _wandb_item(path, value_json):
    body = b"".join(_field(2, 2, key.encode()) for key in path)
    return body + _field(16, 2, value_json.encode())


def wandb_record(kind, payload):
    return _field(kind, 2, payload)


def wandb_config(items):
    """A config record: `items` is a list of (key path, value JSON)."""
    return wandb_record(5, b"".join(_field(1, 2, _wandb_item(p, v)) for p, v in items))


def wandb_history(step, items):
    rows = b"".join(_field(1, 2, _wandb_item(p, v)) for p, v in items)
    return wandb_record(2, rows + _field(2, 2, _field(1, 0, _varint(step))))


def wandb_log(records):
    import zlib
    out = bytearray(b":W&B\xe1\xbe\x00")
    block = 32768
    for record in records:
        data, first = bytes(record), True
        while True:
            room = block - len(out) % block
            if room < 7:
                out += b"\x00" * room
                room = block
            chunk, data = data[:room - 7], data[room - 7:]
            kind = (1 if first else 4) if not data else (2 if first else 3)
            crc = zlib.crc32(bytes([kind]) + chunk) & 0xFFFFFFFF
            out += struct.pack("<IHB", crc, len(chunk), kind) + chunk
            first = False
            if not data:
                break
    return bytes(out)


def wandb_run(wandb_dir, run_id, records, exit_code=0):
    header = wandb_record(21, _field(1, 2, _field(1, 2, b"hostile")))
    run = wandb_record(17, _field(1, 2, run_id.encode()) + _field(8, 2, b"hostile-run"))
    exit_record = wandb_record(18, _field(1, 0, _varint(exit_code)))
    folder = os.path.join(wandb_dir, f"offline-run-20240101_000000-{run_id}")
    write(os.path.join(folder, f"run-{run_id}.wandb"), wandb_log([header, run] + records + [exit_record]))
    return folder
