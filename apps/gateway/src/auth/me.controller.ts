import { Controller, Get } from '@nestjs/common';
import { Me } from '@intensify/contracts';
import { Principal, writableForces } from '@intensify/auth';
import { CurrentPrincipal } from './current-principal.decorator';

/** Who the token says you are, and the forces you may report for. */
@Controller('api/v1/me')
export class MeController {
  @Get()
  me(@CurrentPrincipal() p: Principal): Me {
    return { ...p, forces: writableForces(p) };
  }
}
