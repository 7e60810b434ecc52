"""Synthetic agencies for demos and benchmarks: units and positions, employees whose NIPs, grades,
education and positions agree, yearly appraisals and occasional penalties, written as SIASN
exports. Everything follows from a seed."""

from services.workload.careers import Career
from services.workload.export import AS_OF, Summary, careers, write_agency
from services.workload.sizes import Size

__all__ = ["AS_OF", "Career", "Size", "Summary", "careers", "write_agency"]
