import { Controller, Get } from '@nestjs/common';
import {
  FORCE_MAP_ATTRIBUTION,
  FORCES,
  REGIONS,
  forceMapCells,
  forcesInRegion,
} from '@intensify/reference-data';
import { Public } from '../auth/public.decorator';

@Public()
@Controller('api/v1')
export class ReferenceDataController {
  @Get('regions')
  regions() {
    return REGIONS.map((r) => ({ code: r.code, name: r.name, forces: forcesInRegion(r.code) }));
  }

  @Get('forces')
  forces() {
    return FORCES.map((f) => ({ code: f.code, name: f.name, region: f.region }));
  }

  /** The focus map's hexagon per force (axial q, r; pointy-top; north up) and its source. */
  @Get('force-map')
  forceMap() {
    return { attribution: FORCE_MAP_ATTRIBUTION, cells: forceMapCells() };
  }
}
