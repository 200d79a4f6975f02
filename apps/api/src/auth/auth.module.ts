import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import type { AppConfig } from '@jyta/config';
import { DirectoryModule } from '../directory/directory.module';
import { APP_CONFIG } from '../infrastructure/infrastructure';
import { AuthController } from './auth.controller';
import { AuthService, TOKEN_TTL_SECONDS } from './auth.service';
import { JwtAuthGuard, RolesGuard } from './guards';
import { PasswordService } from './passwords.service';

@Module({
  imports: [
    DirectoryModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a public key
        // (createPublicKey throws) on every verify — 1 ms of CPU per request here (PROFILE in docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordService,
    // order matters: authenticate first, then check the role
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, PasswordService],
})
export class AuthModule {}
