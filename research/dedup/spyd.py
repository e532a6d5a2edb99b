"""dedup samples in a py-spy raw profile: prepare (hashing) vs process_batch, per 10k docs."""
import sys, collections
for path in sys.argv[1:]:
    c = collections.Counter(); tot = 0
    for line in open(path):
        stack, _, n = line.rstrip().rpartition(' '); n = int(n); tot += n
        if 'dedup.py' not in stack: continue
        if 'process_batch (' in stack and 'dedup' in stack.split('process_batch (')[1][:60]:
            c['process_batch'] += n
        elif 'prepare_batch' in stack or '_hash' in stack:
            c['hashing'] += n
        else:
            c['other dedup'] += n
    print(path, tot, dict(c), 'dedup total', sum(c.values()))
