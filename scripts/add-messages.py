"""Adds messages to one feature's files, messages/<feature>/zh.json and en.json, re-reading each
file just before writing.

Usage: python3 scripts/add-messages.py <feature> <file with a Python dict literal {key: (zh, en)}>

The feature is a folder under messages/ (assessments, auth, clients, ...). A new feature folder is
created, and must then be listed in project.inlang/settings.json ("pathPattern"), which this script
says. A key already defined in another feature's file is refused: keys are unique across files.
Check new text against messages/GLOSSARY.md (tests/unit/glossary.test.ts enforces it).
"""
import ast
import json
import os
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
feature, source = sys.argv[1], sys.argv[2]
if not feature.replace('-', '').isalnum() or feature != feature.lower():
    sys.exit(f'feature must be a lower-case folder name, got {feature!r}')

new = ast.literal_eval(open(source, encoding='utf-8').read())
elsewhere = {}
for name in sorted(os.listdir('messages')):
    path = f'messages/{name}/zh.json'
    if name != feature and os.path.isfile(path):
        for key in json.load(open(path, encoding='utf-8')):
            elsewhere[key] = name
clashes = [f'{key} (in messages/{elsewhere[key]})' for key in new if key in elsewhere]
if clashes:
    sys.exit('already defined in another feature: ' + ', '.join(clashes))

os.makedirs(f'messages/{feature}', exist_ok=True)
for index, locale in enumerate(['zh', 'en']):
    path = f'messages/{feature}/{locale}.json'
    data = json.load(open(path, encoding='utf-8')) if os.path.exists(path) else {}
    for key, pair in new.items():
        data[key] = pair[index]
    schema = data.pop('$schema', 'https://inlang.com/schema/inlang-message-format')
    ordered = {'$schema': schema, **data}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(ordered, f, ensure_ascii=False, indent='\t')
        f.write('\n')

settings = json.load(open('project.inlang/settings.json', encoding='utf-8'))
patterns = settings['plugin.inlang.messageFormat']['pathPattern']
if f'./messages/{feature}/{{locale}}.json' not in patterns:
    print(f'Add "./messages/{feature}/{{locale}}.json" to pathPattern in project.inlang/settings.json.')
