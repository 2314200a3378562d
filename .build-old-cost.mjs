const BASE='http://localhost:3417';
const pid=6434;
import fs from 'node:fs';
const cpu=()=>{const f=fs.readFileSync('/proc/'+pid+'/stat','utf8').split(') ')[1].split(' ');return (Number(f[11])+Number(f[12]))*10;};
const login = await fetch(BASE+'/login',{method:'POST',redirect:'manual',headers:{'content-type':'application/x-www-form-urlencoded',origin:BASE},body:'email=demo-consultant%40example.com&password=demo-password-2026'});
const cookie = login.headers.getSetCookie().map(c=>c.split(';')[0]).join('; ');
const base='/o/e273d547-08f6-48f8-9d10-a0a5188f3cc5/assessments/3410e0cc-07cd-4d33-b9b3-72562f9a358f';
for (const p of process.argv.slice(2)) {
  const n=10; const c0=cpu(); let st, size=0;
  for (let i=0;i<n;i++){const r=await fetch(BASE+base+p,{headers:{cookie}}); const b=await r.arrayBuffer(); st=r.status; size=b.byteLength;}
  console.log(p, st, size, ((cpu()-c0)/n).toFixed(1)+' ms CPU');
}
