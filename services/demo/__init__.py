"""Synthetic agencies for demos and benchmarks: units and positions, employees whose NIPs, grades,
education and positions agree, yearly appraisals and occasional penalties, written as SIASN
exports. Everything follows from a seed."""

from services.demo.careers import Career
from services.demo.export import AS_OF, Summary, careers, write_agency
from services.demo.sizes import Size

__all__ = ["AS_OF", "Career", "Size", "Summary", "careers", "write_agency"]
