# %% [markdown]
# # claimc in Python: a report's claims in pandas
#
# Notebook-style (the `# %%` cells open as a notebook in Jupyter with jupytext, VS Code or
# Spyder); also runs as a script from the repository: `python3 examples/claims_in_pandas.py`.
# Needs `make` (and `make python`, or `PYTHONPATH=python`).

# %%
import glob
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import claimc

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

# %% [markdown]
# One report: each claim is the dict `claimc --format jsonl` prints.

# %%
claims = claimc.extract_file("corpus/hongshan-2024-report.txt")
print(len(claims), "claims; the first:", claims[0]["kind"], claims[0]["subject"],
      claims[0]["quantity"]["value"], claims[0]["quantity"]["unit"])

# %% [markdown]
# Several reports, parsed on the library's threads, into one typed DataFrame.

# %%
df = claimc.to_dataframe(claimc.extract_many(sorted(glob.glob("corpus/*.txt")), jobs=2))
print(df.dtypes[["kind", "value", "start"]].astype(str).to_dict())
print(df.groupby(["doc", "kind"], observed=True).size().unstack(fill_value=0))

# %% [markdown]
# Money claims per report, in yuan (values are normalised: 1.58亿元 is 158000000 CNY).

# %%
money = df[(df.kind == "money") & (df.modality == "actual")]
print(money.groupby("doc")["value"].sum().map("{:,.0f} CNY".format))

# %% [markdown]
# Records with metadata: what `--input jsonl` passes through, `meta=` does here.

# %%
text = "全年完成植树造林1.2万亩，空气质量优良率达90%。"
rows = claimc.to_dataframe(claimc.extract(text, name="r1", meta={"city": "鄂州", "year": 2024}))
print(rows[["city", "year", "kind", "value", "unit"]])

# %% [markdown]
# Errors name the file and the byte; what the rest of the input gave comes with them.

# %%
try:
    claimc.extract_file("tests/bad/invalid-in-headings.txt")
except claimc.ClaimcError as e:
    print(e, "|", len(e.claims), "claims from the rest")
