"""Adds messages to messages/zh.json and messages/en.json, re-reading each file just before writing.

Usage: python3 scripts/add-messages.py <file with a Python dict literal {key: (zh, en)}>
"""
import ast
import json
import sys

new = ast.literal_eval(open(sys.argv[1], encoding='utf-8').read())
for index, locale in enumerate(['zh', 'en']):
    path = f'messages/{locale}.json'
    data = json.load(open(path, encoding='utf-8'))
    for key, pair in new.items():
        data[key] = pair[index]
    schema = data.pop('$schema', 'https://inlang.com/schema/inlang-message-format')
    ordered = {'$schema': schema, **data}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(ordered, f, ensure_ascii=False, indent='\t')
        f.write('\n')
