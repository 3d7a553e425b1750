#!/usr/bin/env python3
"""openpyxl reading every row of an xlsx (read-only mode, its fastest). Usage: parse_openpyxl.py FILE"""
import sys
import openpyxl
workbook = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
print(f"rows={rows}")
