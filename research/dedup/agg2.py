import collections,re,sys
for path in sys.argv[1:]:
    c=collections.Counter(); tot=0
    for line in open(path):
        stack,_,n=line.rstrip().rpartition(' '); n=int(n); tot+=n
        fr=stack.split(';')
        for i,f in enumerate(fr):
            if 'process_batch (' in f and 'dedup.py' in f:
                rest=[re.sub(r' \(.*','',g) for g in fr[i+1:i+4]]
                key=rest[0] if rest else 'self'
                if key=='DedupStage._near_batch' and len(rest)>1: key+=' > '+rest[1]
                if key=='DedupStage._insert' and len(rest)>1: key+=' > '+rest[1]
                c[key]+=n; break
    print(path, tot)
    for k,v in c.most_common(14): print(f"  {v:5d} {k}")
